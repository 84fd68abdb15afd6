"""Organisation permissions per role: everyone may look up units and staff; only
administrators (superusers) change the organisation and who holds which role."""

from .models import Role

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: ["organisation.view_unit", "organisation.view_staffprofile"],
    Role.UNIT_HEAD: ["organisation.view_unit", "organisation.view_staffprofile"],
    Role.UNIT_STAFF: ["organisation.view_unit"],
    Role.LEGAL_OFFICER: ["organisation.view_unit", "organisation.view_staffprofile"],
    Role.ONE_STOP_OFFICER: ["organisation.view_unit"],
}
