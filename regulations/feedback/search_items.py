"""Phản ánh, kiến nghị in the search module: one staff-only "feedback" item per message.

The public sees answered, published messages on their own pages (views.py), not in
search; staff find a message by its reference, subject, text or answer, within the
admin listing's scope (scope.py: unit heads their unit's, the office and leadership
all).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from search import scope
from search.registry import SearchItem

from .models import Feedback
from .scope import listing_unit_scope


def feedback_items(feedback: Feedback):
    yield SearchItem(
        kind="feedback",
        key=f"feedback:{feedback.pk}",
        title=f"{feedback.reference} – {feedback.subject}",
        url=AdminURLFinder().get_edit_url(feedback) or "",
        number=feedback.reference,
        body="\n".join(p for p in (feedback.message, feedback.answer) if p),
        date=timezone.localtime(feedback.submitted_at).date() if feedback.submitted_at else None,
        public=False,
        scope_key=scope.unit_key(feedback.unit_id),
        facets={
            "unit": feedback.unit.name if feedback.unit_id else "",
            "status": str(feedback.get_status_display()),
        },
        data={"unit_id": feedback.unit_id, "status": feedback.status},
    )


def feedback_search_scope(user):
    unit = listing_unit_scope(user)
    if unit is False:
        return scope.Scope.NONE
    return scope.units(None if unit is None else [unit.pk])


def register(registry):
    registry.register_label("feedback", _("Phản ánh, kiến nghị"))
    registry.register_facet("unit", _("Đơn vị"))
    registry.register_facet("status", _("Tình trạng"))
    registry.register_model(
        Feedback,
        "feedback",
        feedback_items,
        queryset=lambda: Feedback.objects.select_related("unit"),
        data_fields={"unit_id": "long", "status": "keyword"},
    )
    registry.register_scope("feedback", feedback_search_scope)
