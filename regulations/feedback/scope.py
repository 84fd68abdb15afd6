"""Who answers which feedback: unit heads their unit's; the office and leadership all."""

ALL = "feedback.answer_all_feedback"


def feedback_unit_scope(user):
    """None: every unit; a Unit: only that unit; False: nothing."""
    if user.is_superuser or user.has_perm(ALL):
        return None
    profile = getattr(user, "staff_profile", None)
    return profile.unit if profile is not None else False


def scoped(queryset, user):
    unit = feedback_unit_scope(user)
    if unit is None:
        return queryset
    if unit is False:
        return queryset.none()
    return queryset.filter(unit=unit)
