"""Who answers which feedback: unit heads their unit's; the office and leadership all."""

ALL = "feedback.answer_all_feedback"


def feedback_unit_scope(user):
    """None: every unit; a Unit: only that unit; False: nothing."""
    if user.is_superuser or user.has_perm(ALL):
        return None
    profile = getattr(user, "staff_profile", None)
    return profile.unit if profile is not None else False


def listing_unit_scope(user):
    """What the admin listing shows (it opens with a view or change permission) and
    search too: None every unit, a Unit only that one, False nothing."""
    if not (user.has_perm("feedback.view_feedback") or user.has_perm("feedback.change_feedback")):
        return False
    return feedback_unit_scope(user)


def scoped(queryset, user):
    unit = listing_unit_scope(user)
    if unit is None:
        return queryset
    if unit is False:
        return queryset.none()
    return queryset.filter(unit=unit)
