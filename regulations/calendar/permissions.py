"""Who may read and edit the working-day calendar."""

from regulations.organisation.models import Role

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: ["workcalendar.view_holiday"],
    Role.UNIT_HEAD: ["workcalendar.view_holiday"],
    Role.UNIT_STAFF: ["workcalendar.view_holiday"],
    Role.LEGAL_OFFICER: ["workcalendar.view_holiday"],
    # The one-stop counter keeps the calendar its appointment dates depend on.
    Role.ONE_STOP_OFFICER: [
        "workcalendar.view_holiday",
        "workcalendar.add_holiday",
        "workcalendar.change_holiday",
        "workcalendar.delete_holiday",
    ],
}
