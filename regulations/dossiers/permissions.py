"""Who may do what with dossiers and apology letters.

Model permissions per role (collected by regulations.organisation.roles):
- one-stop officers (cán bộ một cửa) manage dossiers (create, edit, import) and issue
  apology letters; they see every unit's dossiers;
- unit heads (trưởng đơn vị) view their own unit's dossiers (and its sub-units'), letters
  and reports;
- leadership (Ban Giám đốc) views every unit's dossiers, letters and reports, and alone
  signs off apology letters (`dossiers.sign_apologyletter`) before they are sent.
Applicants' personal data (phone, e-mail, address) is shown to staff holding
`dossiers.view_personal_data` only, never on public pages or in the search index.
"""

from regulations.organisation.models import Role, StaffProfile, Unit

VIEW = [
    "dossiers.view_dossier",
    "dossiers.view_apologyletter",
    "dossiers.view_dossierstatus",
    "dossiers.view_dossier_report",
    "dossiers.view_personal_data",
]
ROLE_PERMISSIONS = {
    Role.ONE_STOP_OFFICER: [
        *VIEW,
        "dossiers.add_dossier",
        "dossiers.change_dossier",
        "dossiers.import_dossiers",
        "dossiers.add_apologyletter",
    ],
    Role.UNIT_HEAD: VIEW,
    Role.LEADERSHIP: [*VIEW, "dossiers.sign_apologyletter"],
}

# Roles that see every unit's dossiers (others: their own unit and its sub-units).
ALL_UNITS_ROLES = {Role.ONE_STOP_OFFICER, Role.LEADERSHIP}


def _profile(user):
    try:
        return user.staff_profile
    except (StaffProfile.DoesNotExist, AttributeError):
        return None


def visible_unit_ids(user):
    """None = every unit; otherwise the ids of the units whose dossiers the user sees."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    profile = _profile(user)
    if profile is None:
        return set()
    if profile.role in ALL_UNITS_ROLES:
        return None
    ids, frontier = {profile.unit_id}, [profile.unit_id]
    while frontier:
        children = list(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        frontier = [c for c in children if c not in ids]
        ids.update(frontier)
    return ids


def dossier_unit_ids(user):
    """The units whose dossiers the user may see: None = every unit, else a set of
    ids (empty without the model permission). The rule of the admin listing, the
    chooser and search."""
    if not user.has_perm("dossiers.view_dossier"):
        return set()
    return visible_unit_ids(user)


def dossier_scope(user, queryset):
    """The dossiers of `queryset` the user may see (model permission checked too)."""
    unit_ids = dossier_unit_ids(user)
    return queryset if unit_ids is None else queryset.filter(unit_id__in=unit_ids)


def can_manage(user) -> bool:
    return user.has_perm("dossiers.change_dossier")


def can_issue_letters(user) -> bool:
    return user.has_perm("dossiers.add_apologyletter")


def can_sign_letters(user) -> bool:
    return user.has_perm("dossiers.sign_apologyletter")


def can_view_reports(user) -> bool:
    return user.has_perm("dossiers.view_dossier_report")


def can_see_personal_data(user) -> bool:
    return user.is_authenticated and user.has_perm("dossiers.view_personal_data")
