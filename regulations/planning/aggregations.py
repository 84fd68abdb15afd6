"""Theo dõi thực hiện kế hoạch: planning's figures, declared once, run by every engine.

Each declaration (search/aggregations.py) says which items ("task", "review"), which
groups, filters and measures; search.service.aggregate runs it on the configured
engine, the ORM on our tables or Elasticsearch on the indexed items. What is planning's
arithmetic (unit names and the unit tree's order, completion rate) is done on the rows
by services/tracking.py.

Rules stated here, and only here:
- a task counts for a period when its deadline falls in [period_start, period_end]
  (either end optional); recurring tasks ("thường xuyên", no deadline) always count;
- overdue (quá hạn) = a deadline, not completed, and the deadline before the query date;
- completed late (hoàn thành trễ hạn) = completed after the deadline (never overdue too).
  It compares two fields, which an Elasticsearch query can't: the item carries it as
  `completed_late`, computed when the task is indexed (search_items.py,
  PlanTask.is_completed_late), and the ORM computes the same flag in SQL;
- due soon (sắp đến hạn) = not completed and the deadline within DUE_SOON_DAYS of the
  query date (both ends included).
"""

from django.db.models import F, Q

from search.aggregations import (
    Aggregation,
    All,
    Any,
    Count,
    Flag,
    Is,
    Missing,
    Month,
    OrmSource,
    Param,
    Present,
    Range,
    Today,
)

from .choices import Outcome, TaskStatus
from .models import PlanTask, ReviewRecord
from .models.task import DUE_SOON_DAYS

TASKS = OrmSource(
    queryset=lambda params: PlanTask.objects.all(),
    fields={
        "unit_id": "lead_unit_id",
        "completed_late": Flag(lambda: Q(completed_on__gt=F("deadline"))),
    },
)

OVERDUE = All(Present("deadline"), Missing("completed_on"), Range("deadline", lt=Today()))
COMPLETED_LATE = Is("completed_late", True)
DUE_SOON = All(Missing("completed_on"), Range("deadline", gte=Today(), lte=Today(DUE_SOON_DAYS)))

IN_PERIOD = Any(
    Range("deadline", gte=Param("period_start"), lte=Param("period_end")),
    Missing("deadline"),
)
TASK_FILTERS = (
    Is("plan_id", Param("plan_id")),
    Is("unit_id", Param("unit_id")),
    IN_PERIOD,
)


def status_measure(status):
    return f"status_{status}"


TASK_TRACKING = Aggregation(
    name="task_tracking",
    kind="task",
    doc="Per lead unit: tasks, by status, overdue and due soon.",
    group_by={"unit_id": "unit_id"},
    filters=TASK_FILTERS,
    measures={
        "total": Count(),
        "overdue": Count(OVERDUE),
        "completed_late": Count(COMPLETED_LATE),
        "due_soon": Count(DUE_SOON),
        **{status_measure(s): Count(Is("status", s)) for s in TaskStatus.values},
    },
    orm=TASKS,
)

COMPLETIONS_BY_MONTH = Aggregation(
    name="task_completions_by_month",
    kind="task",
    doc="Tasks completed per month.",
    group_by={"month": Month("completed_on")},
    filters=(Is("plan_id", Param("plan_id")), Is("unit_id", Param("unit_id"))),
    measures={"count": Count()},
    orm=TASKS,
)


def outcome_measure(outcome):
    return f"outcome_{outcome}"


REVIEW_OUTCOMES = Aggregation(
    name="review_outcomes",
    kind="review",
    doc="Per responsible unit: review records by outcome.",
    group_by={"unit_id": "unit_id"},
    filters=(Is("plan_id", Param("plan_id")),),
    measures={
        "total": Count(),
        **{outcome_measure(o): Count(Is("outcome", o)) for o in Outcome.values},
    },
    orm=OrmSource(
        queryset=lambda params: ReviewRecord.objects.all(),
        fields={"unit_id": "responsible_unit_id"},
    ),
)

AGGREGATIONS = [TASK_TRACKING, COMPLETIONS_BY_MONTH, REVIEW_OUTCOMES]
