"""Who sees which survey results: leadership all units, one-stop officers their unit."""

from django.core.exceptions import PermissionDenied

ALL = "surveys.view_all_satisfaction_report"
OWN_UNIT = "surveys.view_satisfaction_report"


def report_unit_scope(user):
    """None: every unit; a Unit: only that unit. PermissionDenied when neither."""
    if user.is_superuser or user.has_perm(ALL):
        return None
    if user.has_perm(OWN_UNIT):
        profile = getattr(user, "staff_profile", None)
        if profile is not None:
            return profile.unit
    raise PermissionDenied


def can_view_reports(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(ALL) or user.has_perm(OWN_UNIT))
