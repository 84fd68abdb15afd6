"""Theo dõi thực hiện nhiệm vụ: the per-unit task figures of a plan (bảng theo dõi).

The counts are planning's declared aggregations (planning/aggregations.py, where the
rules are stated), run by the search module on the configured engine
(search.service.aggregate). This module turns their rows into what the pages show:
unit names, the unit tree's order, by_status with every status listed, and
completion_rate = round(hoan_thanh / total, 4), 0.0 when there is no task.
Review outcomes and savings (kết quả rà soát) are in services/review_figures.py.
"""

from regulations.organisation.models import Unit
from search.engines.orm_aggregate import orm_q
from search.service import aggregate

from ..aggregations import (
    COMPLETED_LATE,
    COMPLETIONS_BY_MONTH,
    DUE_SOON,
    IN_PERIOD,
    OVERDUE,
    TASK_TRACKING,
    status_measure,
)
from ..choices import TaskStatus
from ..models import PlanTask

STATUSES = list(TaskStatus.values)


def overdue_q(today):
    """The tasks TASK_TRACKING counts as overdue, as a filter on PlanTask."""
    return orm_q(TASK_TRACKING, OVERDUE, today=today)


def due_soon_q(today):
    return orm_q(TASK_TRACKING, DUE_SOON, today=today)


def completed_late_q():
    """Hoàn thành trễ hạn: completed after the deadline."""
    return orm_q(TASK_TRACKING, COMPLETED_LATE)


def tasks_in(plan_id=None, period_start=None, period_end=None, unit_id=None):
    qs = PlanTask.objects.all()
    if plan_id is not None:
        qs = qs.filter(plan_id=plan_id)
    if unit_id is not None:
        qs = qs.filter(lead_unit_id=unit_id)
    if period_start or period_end:
        period = {"period_start": period_start, "period_end": period_end}
        qs = qs.filter(orm_q(TASK_TRACKING, IN_PERIOD, **period))
    return qs


def in_unit_order(rows):
    """Rows with their unit's name ("unit"), in the unit tree's order (sort_order, name)."""
    units = Unit.objects.filter(pk__in=[r["unit_id"] for r in rows])
    info = {
        pk: (order, name or "") for pk, order, name in units.values_list("pk", "sort_order", "name")
    }
    for row in rows:
        row["unit"] = info.get(row["unit_id"], (0, ""))[1]
    return sorted(rows, key=lambda r: (*info.get(r["unit_id"], (10**9, "")), r["unit_id"]))


def given(**params):
    """The parameters that are set (an aggregation's filters are optional)."""
    return {k: v for k, v in params.items() if v is not None}


def task_tracking(plan_id=None, period_start=None, period_end=None, today=None, unit_id=None):
    """Per lead unit: [{unit_id, unit, total, by_status, overdue, completed_late, due_soon,
    completion_rate}].

    by_status has all four statuses and adds up to total. Ordered like the unit tree.
    """
    params = given(
        plan_id=plan_id, period_start=period_start, period_end=period_end, unit_id=unit_id
    )
    rows = aggregate(TASK_TRACKING, today=today, **params)
    result = []
    for row in rows:
        by_status = {status: row[status_measure(status)] for status in STATUSES}
        result.append(
            {
                "unit_id": row["unit_id"],
                "total": row["total"],
                "by_status": by_status,
                "overdue": row["overdue"],
                "completed_late": row["completed_late"],
                "due_soon": row["due_soon"],
                "completion_rate": completion_rate(by_status[TaskStatus.DONE], row["total"]),
            }
        )
    return in_unit_order(result)


def completion_rate(done, total):
    return round(done / total, 4) if total else 0.0


def totals(rows):
    """The "Toàn Sở" line under a unit table."""
    by_status = {status: sum(r["by_status"][status] for r in rows) for status in STATUSES}
    total = sum(r["total"] for r in rows)
    return {
        "unit_id": None,
        "unit": "Tổng cộng",
        "total": total,
        "by_status": by_status,
        "overdue": sum(r["overdue"] for r in rows),
        "completed_late": sum(r.get("completed_late", 0) for r in rows),
        "due_soon": sum(r["due_soon"] for r in rows),
        "completion_rate": completion_rate(by_status[TaskStatus.DONE], total),
    }


def completions_by_month(plan_id=None, unit_id=None):
    """[{month: "2017-05", count: n}]: tasks completed per month."""
    return aggregate(COMPLETIONS_BY_MONTH, **given(plan_id=plan_id, unit_id=unit_id))


def unit_rows(plan, period_start=None, period_end=None, today=None, unit_id=None):
    """Per-unit rows for a plan, as the pages ask for them (see task_tracking)."""
    return task_tracking(
        plan_id=plan.pk,
        period_start=period_start or None,
        period_end=period_end or None,
        today=today,
        unit_id=unit_id,
    )


def completion_rows(plan, unit_id=None):
    return completions_by_month(plan_id=plan.pk, unit_id=unit_id)
