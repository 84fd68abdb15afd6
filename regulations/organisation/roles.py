"""Roles → Wagtail groups and permissions.

Each domain app lists what each role may do in `ROLE_PERMISSIONS` of its own
`permissions` module ({Role: ["app_label.codename", …]}); `sync_role_groups()`
creates one group per role with the union of those permissions, plus Wagtail
admin access. Object-level rules (e.g. "only your unit's tasks") are enforced by
each app's permission policy, on top of these model permissions.
"""

import importlib
import importlib.util
import warnings

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation

from .models import Role, StaffProfile

PERMISSION_MODULES = [
    "regulations.organisation.permissions",
    "regulations.documents.permissions",
    "regulations.procedures.permissions",
    "regulations.planning.permissions",
    "regulations.dossiers.permissions",
    "regulations.surveys.permissions",
    "regulations.feedback.permissions",
    "regulations.calendar.permissions",
]

ADMIN_ACCESS = "wagtailadmin.access_admin"


def collected_role_permissions() -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = {role: {ADMIN_ACCESS} for role in Role.values}
    for name in PERMISSION_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for role, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            wanted[role].update(perms)
    return wanted


def group_name(role: str) -> str:
    """The group's name: the role's Vietnamese label, whatever language is active."""
    with translation.override("vi"):
        return str(Role(role).label)


def group_for(role: str) -> Group:
    return Group.objects.get_or_create(name=group_name(role))[0]


@transaction.atomic
def sync_role_groups() -> dict[str, Group]:
    wanted = collected_role_permissions()
    needed = {perm for perms in wanted.values() for perm in perms}
    by_name = {
        f"{app_label}.{codename}": perm for perm, app_label, codename in _permissions_named(needed)
    }
    groups = {}
    for role, perms in wanted.items():
        missing = sorted(perms - by_name.keys())
        if missing:
            raise LookupError(f"Permission {missing[0]!r} (role {role}) does not exist")
        group = group_for(role)
        group.permissions.set([by_name[perm] for perm in perms])
        groups[role] = group
    return groups


def _permissions_named(names):
    """(permission, app_label, codename) of the permissions named "app_label.codename",
    in one query."""
    codenames = {name.split(".", 1)[1] for name in names}
    rows = Permission.objects.filter(codename__in=codenames).select_related("content_type")
    for perm in rows:
        if f"{perm.content_type.app_label}.{perm.codename}" in names:
            yield perm, perm.content_type.app_label, perm.codename


def assign_role(user, unit, role, position=""):
    """Attach a user to a unit with a role and put them in the role's group only."""
    StaffProfile.objects.update_or_create(
        user=user, defaults={"unit": unit, "role": role, "position": position}
    )
    role_groups = Group.objects.filter(name__in=[group_name(r) for r in Role.values])
    user.groups.remove(*role_groups)
    user.groups.add(group_for(role))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def sync_after_migrate(sender, using="default", **kwargs):
    """post_migrate: keep the role groups in step with the permissions modules.

    post_migrate fires once per app, and the permissions of later apps do not exist
    on the early calls: only the last app's call syncs (a flush, after each
    transactional test, sends them all again; syncing on each cost ~8 s).
    """
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last:
        return
    try:
        sync_role_groups()
    except LookupError as exc:
        warnings.warn(f"Role groups not synced: {exc}", stacklevel=1)
