"""Khảo sát hài lòng: what each role may do (collected by organisation.roles).

Leadership sees every unit's results; one-stop officers and unit heads see their own
unit's (object scope in scope.py); leadership edits the method, factors and criteria.
"""

from regulations.organisation.models import Role

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: [
        "surveys.view_all_satisfaction_report",
        "surveys.view_satisfaction_report",
        "surveys.view_surveyresponse",
        "surveys.add_surveymethod",
        "surveys.change_surveymethod",
        "surveys.view_surveymethod",
        "surveys.add_factor",
        "surveys.change_factor",
        "surveys.view_factor",
    ],
    Role.UNIT_HEAD: [
        "surveys.view_satisfaction_report",
        "surveys.view_surveyresponse",
    ],
    # The one-stop counter receives the dossiers of every unit (the officer sees them
    # all, dossiers.permissions.ALL_UNITS_ROLES) and the forms are filled in at the
    # counter: its figures are every unit's. Scoped to the officer's own unit (Văn
    # phòng, which handles no procedure) the report showed "—" and 0 answers.
    Role.ONE_STOP_OFFICER: [
        "surveys.view_all_satisfaction_report",
        "surveys.view_satisfaction_report",
        "surveys.view_surveyresponse",
    ],
}
