"""Phản ánh, kiến nghị: unit heads answer their unit's feedback (scope.py); leadership
and the office (which forwards unassigned messages) see and answer all."""

from regulations.organisation.models import Role

ROLE_PERMISSIONS = {
    Role.LEADERSHIP: [
        "feedback.view_feedback",
        "feedback.change_feedback",
        "feedback.answer_all_feedback",
    ],
    Role.UNIT_HEAD: ["feedback.view_feedback", "feedback.change_feedback"],
    Role.UNIT_STAFF: ["feedback.view_feedback"],
}
