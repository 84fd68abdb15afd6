"""Snippet views with the object-level rules (only your unit's tasks / records)."""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views.snippets import EditView


class ObjectPermissionEditView(EditView):
    """The generic edit view checks model permissions only; add the instance check."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        ):
            raise PermissionDenied
        return obj
