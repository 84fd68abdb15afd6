"""What planning puts into the search index (staff-only items) and its ORM aggregations.

Data fields follow search/registry.py exactly:
- "task": plan_id, unit_id, unit_name, status, deadline, completed_on, recurring;
- "review": plan_id, unit_id, unit_name, outcome, status, saving_hours.
"""

from django.urls import reverse

from search.registry import SearchItem
from search.text import fold

from .models import PlanTask, ReviewRecord, SimplificationProposal
from .services import tracking


def _admin_url(name, pk):
    try:
        return reverse(name, args=[pk])
    except Exception:  # noqa: BLE001 - admin urls not loaded (e.g. a bare script)
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
            # Derived, for the Elasticsearch "overdue" filter (completed after the deadline).
            "completed_late": bool(
                task.deadline and task.completed_on and task.completed_on > task.deadline
            ),
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


def register(registry):
    registry.register_model(
        PlanTask,
        "task",
        task_items,
        queryset=lambda: PlanTask.objects.select_related("plan__document", "lead_unit"),
    )
    registry.register_model(
        ReviewRecord,
        "review",
        review_items,
        queryset=lambda: ReviewRecord.objects.select_related("responsible_unit", "document"),
        owners={SimplificationProposal: lambda proposal: [proposal.record]},
    )
    registry.register_aggregation("task_tracking", tracking.task_tracking)
    registry.register_aggregation("task_completions_by_month", tracking.completions_by_month)
    registry.register_aggregation("review_outcomes", tracking.review_outcomes)
    registry.register_aggregation("simplification_savings", tracking.savings_totals)
