"""What planning puts into the search index (staff-only items) and the figures it
declares over them (aggregations.py).

Data fields, declared with their types below (the index maps exactly these):
- "task": plan_id, unit_id, unit_name, status, deadline, completed_on, recurring, and
  completed_late (completed after the deadline: a comparison of two fields, computed
  here so that the "overdue" filter stays a query);
- "review": plan_id, unit_id, unit_name, outcome, status, saving_hours;
- "notification": the notices sent (subject, body), seen by their recipient.
Who sees them in search is the admin listings' rule (scope.py).
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import scope
from search.registry import SearchItem
from vietnamese.folding import fold

from .aggregations import AGGREGATIONS
from .models import Notification, PlanTask, ReviewRecord, SimplificationProposal
from .scope import notice_recipients, sees_all_reviews, sees_all_tasks

TASK_FIELDS = {
    "plan_id": "long",
    "unit_id": "long",
    "unit_name": "keyword",
    "status": "keyword",
    "deadline": "date",
    "completed_on": "date",
    "recurring": "boolean",
    "completed_late": "boolean",
}
REVIEW_FIELDS = {
    "plan_id": "long",
    "unit_id": "long",
    "unit_name": "keyword",
    "outcome": "keyword",
    "status": "keyword",
    "saving_hours": "float",
}
NOTIFICATION_FIELDS = {"recipient_id": "long", "notice_kind": "keyword"}


def _admin_url(name, pk):
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:  # admin urls not loaded (e.g. a bare script)
        return ""


def task_items(task):
    yield SearchItem(
        kind="task",
        key=f"task:{task.pk}",
        title=str(task),
        url=_admin_url("wagtailsnippets_planning_plantask:edit", task.pk),
        number=task.plan.number_symbol,
        body="\n".join(filter(None, [task.description, task.expected_output])),
        date=task.deadline,
        in_force=True,
        public=False,
        scope_key=scope.unit_key(task.lead_unit_id),
        facets={
            "unit": task.lead_unit.name,
            "status": task.status,
            "plan": task.plan.number_symbol,
            "folded_unit": fold(task.lead_unit.name),
        },
        data={
            "plan_id": task.plan_id,
            "unit_id": task.lead_unit_id,
            "unit_name": task.lead_unit.name,
            "status": task.status,
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "completed_on": task.completed_on.isoformat() if task.completed_on else None,
            "recurring": bool(task.recurring),
            # Derived, for the Elasticsearch "hoàn thành trễ hạn" count.
            "completed_late": task.is_completed_late(),
        },
    )


def review_saving_hours(record):
    proposals = list(record.simplifications.all())
    if not proposals:
        return None
    return float(sum(p.hours_saved_per_year for p in proposals))


def review_items(record):
    yield SearchItem(
        kind="review",
        key=f"review:{record.pk}",
        title=record.title,
        url=_admin_url("wagtailsnippets_planning_reviewrecord:edit", record.pk),
        number=record.document.number_symbol if record.document_id else "",
        body=record.reason,
        date=record.reviewed_on,
        public=False,
        scope_key=scope.unit_key(record.responsible_unit_id),
        facets={
            "unit": record.responsible_unit.name,
            "outcome": record.outcome,
            "status": record.review_status,
        },
        data={
            "plan_id": record.plan_id,
            "unit_id": record.responsible_unit_id,
            "unit_name": record.responsible_unit.name,
            "outcome": record.outcome,
            "status": str(record.review_status),
            "saving_hours": review_saving_hours(record),
        },
    )


def notification_items(notice):
    moment = notice.sent_at or notice.created_at
    yield SearchItem(
        kind="notification",
        key=f"notification:{notice.pk}",
        title=notice.subject,
        url=_admin_url("wagtailsnippets_planning_notification:inspect", notice.pk),
        body=notice.body,
        date=timezone.localtime(moment).date() if moment else None,
        public=False,
        scope_key=scope.user_key(notice.recipient_id),
        data={"recipient_id": notice.recipient_id, "notice_kind": notice.kind},
    )


def task_search_scope(user):
    return scope.Scope.ALL if sees_all_tasks(user) else scope.Scope.NONE


def review_search_scope(user):
    return scope.Scope.ALL if sees_all_reviews(user) else scope.Scope.NONE


def notification_search_scope(user):
    recipients = notice_recipients(user)
    return scope.Scope.ALL if recipients is None else scope.users(recipients)


def register(registry):
    registry.register_label("task", _("Nhiệm vụ"))
    registry.register_label("review", _("Rà soát"))
    registry.register_label("notification", _("Thông báo"))
    registry.register_facet("unit", _("Đơn vị"))  # tasks and reviews
    registry.register_facet("status", _("Tình trạng"))
    registry.register_model(
        PlanTask,
        "task",
        task_items,
        queryset=lambda: PlanTask.objects.select_related("plan__document", "lead_unit"),
        data_fields=TASK_FIELDS,
    )
    registry.register_model(
        ReviewRecord,
        "review",
        review_items,
        queryset=lambda: ReviewRecord.objects.select_related("responsible_unit", "document"),
        owners={SimplificationProposal: lambda proposal: [proposal.record]},
        data_fields=REVIEW_FIELDS,
    )
    registry.register_model(
        Notification, "notification", notification_items, data_fields=NOTIFICATION_FIELDS
    )
    registry.register_scope("task", task_search_scope)
    registry.register_scope("review", review_search_scope)
    registry.register_scope("notification", notification_search_scope)
    for aggregation in AGGREGATIONS:
        registry.register_aggregation(aggregation)
