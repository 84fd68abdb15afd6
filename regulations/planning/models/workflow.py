"""Workflow step for unit heads: like a group approval, but only for records of the
approver's own unit (a unit head approves their unit's review records, no other)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .review import ReviewRecord


def _same_unit(obj, user):
    if user.is_superuser:
        return True
    profile = getattr(user, "staff_profile", None)
    unit_id = getattr(obj, "responsible_unit_id", None)
    return profile is not None and unit_id is not None and profile.unit_id == unit_id


class UnitHeadApprovalTask(AbstractGroupApprovalTask):
    """Trưởng đơn vị duyệt: members of the chosen groups, for their own unit only."""

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and _same_unit(obj, user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) or not _same_unit(obj, user)

    def get_actions(self, obj, user):
        return super().get_actions(obj, user) if _same_unit(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        profile = getattr(user, "staff_profile", None)
        if profile is None:
            return states.none()
        ids = ReviewRecord.objects.filter(responsible_unit_id=profile.unit_id).values_list(
            "pk", flat=True
        )
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in ids])

    def notified_users(self, obj, users):
        """Who is mailed when a record reaches this step: the heads of its own unit."""
        unit_id = getattr(obj, "responsible_unit_id", None)
        return users.filter(staff_profile__unit_id=unit_id) if unit_id else users.none()

    @classmethod
    def get_description(cls):
        return _("Trưởng đơn vị duyệt phiếu rà soát của chính đơn vị mình.")

    class Meta:
        verbose_name = _("bước duyệt của trưởng đơn vị")
        verbose_name_plural = _("bước duyệt của trưởng đơn vị")
