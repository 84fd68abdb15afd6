"""Who may do what with thủ tục hành chính (collected by organisation.roles)."""

from regulations.organisation.models import Role

_EDIT = [
    f"procedures.{action}_{model}"
    for model in ("procedureset", "procedure", "procedureversion")
    for action in ("add", "change", "view")
]
_VIEW = [f"procedures.view_{model}" for model in ("procedureset", "procedure", "procedureversion")]

ROLE_PERMISSIONS = {
    # The legal officer keeps the procedure set: edits, publishes and deletes.
    Role.LEGAL_OFFICER: _EDIT
    + [
        "procedures.publish_procedure",
        "procedures.delete_procedure",
        "procedures.delete_procedureversion",
        "procedures.delete_procedureset",
    ],
    # Divisions draft the procedures of their field; publishing stays with the legal officer.
    Role.UNIT_HEAD: _EDIT,
    Role.UNIT_STAFF: _VIEW,
    Role.LEADERSHIP: _VIEW + ["procedures.publish_procedure"],
    Role.ONE_STOP_OFFICER: _VIEW,
}
