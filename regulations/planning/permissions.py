"""Who may do what with plans, tasks and review records.

Model permissions per role (collected by regulations.organisation.roles into the
role's Wagtail group) and the object-level rules on top of them:

- staff see every task of a plan, but edit only their own unit's (the lead unit);
- only the lead unit's staff report progress;
- only legal officers approve review records at the legal step (workflow groups);
- leadership sees and comments on everything and assigns tasks;
- the public sees none of it (everything is behind the admin login).
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.permission_policies import ModelPermissionPolicy

from regulations.organisation.models import Role

P = "planning."
VIEW_PLAN = [P + "view_plan"]
VIEW_TASKS = [P + "view_plantask", P + "view_progressreport"]
WORK_ON_TASKS = [
    P + "change_plantask",
    P + "report_progress",
    P + "comment_plantask",
    P + "add_progressreport",
]
REVIEWS = [P + "view_reviewrecord", P + "add_reviewrecord", P + "change_reviewrecord"]
NOTICES = [P + "view_notification"]

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: VIEW_PLAN
    + VIEW_TASKS
    + [
        P + "add_plan",
        P + "change_plan",
        P + "view_tracking",
        P + "add_plantask",
        P + "change_plantask",
        P + "comment_plantask",
        P + "view_reviewrecord",
        P + "change_reviewrecord",
        # The last workflow step publishes the approved record as its approver.
        P + "publish_reviewrecord",
        P + "view_reviewprinciple",
    ]
    + NOTICES,
    Role.UNIT_HEAD: VIEW_PLAN + VIEW_TASKS + WORK_ON_TASKS + REVIEWS + NOTICES,
    Role.UNIT_STAFF: VIEW_PLAN + VIEW_TASKS + WORK_ON_TASKS + REVIEWS + NOTICES,
    Role.LEGAL_OFFICER: VIEW_PLAN
    + VIEW_TASKS
    + WORK_ON_TASKS
    + REVIEWS
    + NOTICES
    + [P + "view_tracking", P + "view_reviewprinciple", P + "change_reviewprinciple"],
    Role.ONE_STOP_OFFICER: VIEW_PLAN + VIEW_TASKS + NOTICES,
}

# Roles that work on their own unit's tasks (edit, report progress).
UNIT_WORKER_ROLES = {Role.UNIT_HEAD, Role.UNIT_STAFF, Role.LEGAL_OFFICER}


def profile_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.staff_profile
    except ObjectDoesNotExist:  # a user without a staff profile
        return None


def role_of(user):
    profile = profile_of(user)
    return profile.role if profile else None


def unit_id_of(user):
    profile = profile_of(user)
    return profile.unit_id if profile else None


def is_superuser(user):
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def can_view_tasks(user):
    return is_superuser(user) or (
        getattr(user, "is_active", False) and user.has_perm(P + "view_plantask")
    )


def can_edit_task(user, task):
    """Leadership edits every task; unit staff only their own unit's (the lead unit)."""
    if is_superuser(user):
        return True
    if not user.has_perm(P + "change_plantask"):
        return False
    role = role_of(user)
    if role == Role.LEADERSHIP:
        return True
    return role in UNIT_WORKER_ROLES and unit_id_of(user) == task.lead_unit_id


def can_report_progress(user, task):
    """Only the lead unit reports progress."""
    if is_superuser(user):
        return True
    return (
        user.has_perm(P + "report_progress")
        and role_of(user) in UNIT_WORKER_ROLES
        and unit_id_of(user) == task.lead_unit_id
    )


def can_comment(user, task=None):
    return is_superuser(user) or user.has_perm(P + "comment_plantask")


def can_view_tracking(user):
    """The department-wide tables and their exports (leadership, legal officer)."""
    return is_superuser(user) or (
        getattr(user, "is_active", False) and user.has_perm(P + "view_tracking")
    )


def can_edit_review(user, record):
    """The responsible unit drafts its records; leadership and legal officers edit all."""
    if is_superuser(user):
        return True
    if not user.has_perm(P + "change_reviewrecord"):
        return False
    role = role_of(user)
    if role in (Role.LEADERSHIP, Role.LEGAL_OFFICER):
        return True
    return unit_id_of(user) == record.responsible_unit_id


class PlanTaskPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus "only your unit's tasks" for change/delete/lock."""

    OBJECT_ACTIONS = {"change", "delete", "lock", "unlock"}

    def user_has_permission_for_instance(self, user, action, instance):
        if action in self.OBJECT_ACTIONS:
            if action == "delete" and not is_superuser(user):
                return role_of(user) == Role.LEADERSHIP and self.user_has_permission(user, "delete")
            return can_edit_task(user, instance)
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        qs = super().instances_user_has_any_permission_for(user, actions)
        limited = not is_superuser(user) and role_of(user) != Role.LEADERSHIP
        if set(actions) & self.OBJECT_ACTIONS and limited:
            qs = qs.filter(lead_unit_id=unit_id_of(user))
        return qs


class ReviewRecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus "your unit's records" for change (leadership and legal
    officers: all). Approval is the workflow's business (GroupApprovalTask groups)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "lock", "unlock"):
            return can_edit_review(user, instance)
        return super().user_has_permission_for_instance(user, action, instance)
