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


def response_unit_scope(user):
    """Whose survey responses (and answers) the user reads in the admin listing and in
    search: None every unit, a Unit only that one, False nothing. The report's scope;
    without a report permission, what the snippet permission allows."""
    try:
        return report_unit_scope(user)
    except PermissionDenied:
        if user.has_perm("surveys.view_surveyresponse") or user.has_perm(
            "surveys.change_surveyresponse"
        ):
            return None
        return False


def scoped_responses(queryset, user):
    unit = response_unit_scope(user)
    if unit is None:
        return queryset
    if unit is False:
        return queryset.none()
    return queryset.filter(unit=unit)


def can_view_reports(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(ALL) or user.has_perm(OWN_UNIT))
