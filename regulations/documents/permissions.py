"""Who may do what with văn bản (collected by organisation.roles)."""

from regulations.organisation.models import Role

_MODELS = ("legaldocument", "legalversion", "documentrelation", "provision")
_LISTS = ("documenttype", "issuingbody", "legalfield", "sector")
_VIEW = [f"documents.view_{model}" for model in _MODELS + _LISTS]
_EDIT = [f"documents.{action}_{model}" for model in _MODELS for action in ("add", "change", "view")]

ROLE_PERMISSIONS = {
    # The legal officer keeps the body of rules: edits, versions, publishes, keeps the lists.
    Role.LEGAL_OFFICER: _EDIT
    + _VIEW
    + [f"documents.{action}_{model}" for model in _LISTS for action in ("add", "change")]
    + [
        "documents.publish_legaldocument",
        "documents.lock_legaldocument",
        "documents.unlock_legaldocument",
        "documents.lock_legalversion",
        "documents.unlock_legalversion",
        "documents.delete_legaldocument",
        "documents.delete_legalversion",
        "documents.delete_documentrelation",
        "documents.delete_provision",
    ],
    # Leadership reads and publishes; divisions draft documents of their field.
    Role.LEADERSHIP: _VIEW + ["documents.publish_legaldocument"],
    Role.UNIT_HEAD: _EDIT + _VIEW,
    Role.UNIT_STAFF: _VIEW,
    Role.ONE_STOP_OFFICER: _VIEW,
}

CONSOLIDATE = (
    "documents.change_legaldocument",
    "documents.add_legalversion",
    "documents.change_legalversion",
)


def can_consolidate(user) -> bool:
    """Hợp nhất văn bản, xác nhận or huỷ bản nháp: those who may edit legal documents."""
    return user.has_perms(CONSOLIDATE)
