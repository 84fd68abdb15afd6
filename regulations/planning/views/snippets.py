"""Snippet views with the object-level rules (only your unit's tasks / records)."""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views.snippets import EditView, IndexView

from cms.spreadsheet import FriendlySpreadsheetMixin


class ObjectPermissionEditView(EditView):
    """The generic edit view checks model permissions only; add the instance check."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        ):
            raise PermissionDenied
        return obj


class ObjectPermissionIndexView(FriendlySpreadsheetMixin, IndexView):
    """Listing: link to the edit view only where the user may edit that object (their
    unit's tasks); elsewhere the title opens the read-only inspect view."""

    def get_edit_url(self, instance):
        url = super().get_edit_url(instance)
        if url and self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return url
        return None
