"""Which plan tasks, review records and notices a user sees: one rule per model for
the admin listing, its inspect/edit views and chooser (cms.admin_scope), and search.

- tasks and review records: every unit's, for whoever may open the listing (staff
  see every task of a plan and edit only their own unit's: permissions.py);
- notices: your own; leadership and administrators see all.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from regulations.organisation.models import Role

from .models import Notification, PlanTask, ReviewRecord
from .permissions import is_superuser, role_of

# What Wagtail's snippet listing asks for (any of them opens it).
LISTING_ACTIONS = ["add", "change", "delete", "view"]


def may_list(user, model) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ModelPermissionPolicy(model).user_has_any_permission(user, LISTING_ACTIONS)


def sees_all_tasks(user) -> bool:
    """None of a task is hidden from whoever may list tasks; the others see none."""
    return may_list(user, PlanTask)


def sees_all_reviews(user) -> bool:
    return may_list(user, ReviewRecord)


def notice_recipients(user):
    """None: every notice; otherwise the set of recipient ids (empty: none)."""
    if not may_list(user, Notification):
        return set()
    if is_superuser(user) or role_of(user) == Role.LEADERSHIP:
        return None
    return {user.pk}


def scoped_tasks(queryset, user):
    return queryset if sees_all_tasks(user) else queryset.none()


def scoped_reviews(queryset, user):
    return queryset if sees_all_reviews(user) else queryset.none()


def scoped_notices(queryset, user):
    recipients = notice_recipients(user)
    return queryset if recipients is None else queryset.filter(recipient_id__in=recipients)
