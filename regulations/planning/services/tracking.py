"""Theo dõi thực hiện kế hoạch: the tracking numbers, by ORM aggregation.

These are the embedded engine's implementations of the named aggregations
(search/registry.py); the Elasticsearch engine computes the same numbers from the
"task" and "review" items, and a test compares the two.

Semantics (shared with the search engine):
- a task counts for a period when its deadline falls in [period_start, period_end]
  (either end optional); recurring tasks ("thường xuyên", no deadline) always count;
- overdue ("quá hạn") = deadline and completed_on is None and today > deadline;
- completed late ("hoàn thành trễ hạn") = completed_on > deadline (never overdue too);
- due soon = completed_on is None and today <= deadline <= today + 7;
- completion_rate = round(hoan_thanh / total, 4), 0.0 when there is no task.
"""

from datetime import timedelta

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..choices import Outcome, TaskStatus
from ..models import PlanTask, ReviewRecord, SimplificationProposal
from ..models.task import DUE_SOON_DAYS

STATUSES = list(TaskStatus.values)
OUTCOMES = list(Outcome.values)


def overdue_q(today, prefix=""):
    """Quá hạn: open and past the deadline."""
    return Q(
        **{
            f"{prefix}deadline__isnull": False,
            f"{prefix}completed_on__isnull": True,
            f"{prefix}deadline__lt": today,
        }
    )


def completed_late_q(prefix=""):
    """Hoàn thành trễ hạn: completed after the deadline."""
    return Q(**{f"{prefix}completed_on__gt": F(f"{prefix}deadline")})


def due_soon_q(today, prefix=""):
    return Q(
        **{
            f"{prefix}completed_on__isnull": True,
            f"{prefix}deadline__gte": today,
            f"{prefix}deadline__lte": today + timedelta(days=DUE_SOON_DAYS),
        }
    )


def tasks_in(plan_id=None, period_start=None, period_end=None, unit_id=None):
    qs = PlanTask.objects.all()
    if plan_id is not None:
        qs = qs.filter(plan_id=plan_id)
    if unit_id is not None:
        qs = qs.filter(lead_unit_id=unit_id)
    if period_start or period_end:
        in_period = Q(deadline__isnull=False)
        if period_start:
            in_period &= Q(deadline__gte=period_start)
        if period_end:
            in_period &= Q(deadline__lte=period_end)
        qs = qs.filter(in_period | Q(deadline__isnull=True))
    return qs


def task_tracking(plan_id=None, period_start=None, period_end=None, today=None, unit_id=None):
    """Per lead unit: [{unit_id, unit, total, by_status, overdue, completed_late, due_soon,
    completion_rate}].

    by_status has all four statuses and adds up to total. Ordered like the unit tree.
    """
    today = today or timezone.localdate()
    status_counts = {f"s_{status}": Count("pk", filter=Q(status=status)) for status in STATUSES}
    rows = (
        tasks_in(plan_id, period_start, period_end, unit_id)
        .values("lead_unit_id", "lead_unit__name", "lead_unit__sort_order")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=overdue_q(today)),
            completed_late=Count("pk", filter=completed_late_q()),
            due_soon=Count("pk", filter=due_soon_q(today)),
            **status_counts,
        )
        .order_by("lead_unit__sort_order", "lead_unit__name", "lead_unit_id")
    )
    result = []
    for row in rows:
        by_status = {status: row[f"s_{status}"] for status in STATUSES}
        total = row["total"]
        result.append(
            {
                "unit_id": row["lead_unit_id"],
                "unit": row["lead_unit__name"],
                "total": total,
                "by_status": by_status,
                "overdue": row["overdue"],
                "completed_late": row["completed_late"],
                "due_soon": row["due_soon"],
                "completion_rate": completion_rate(by_status[TaskStatus.DONE], total),
            }
        )
    return result


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
    rows = (
        tasks_in(plan_id, unit_id=unit_id)
        .filter(completed_on__isnull=False)
        .annotate(month=TruncMonth("completed_on"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    return [{"month": row["month"].strftime("%Y-%m"), "count": row["count"]} for row in rows]


def review_outcomes(plan_id=None):
    """Per responsible unit: [{unit_id, unit, total, by_outcome}] (all outcomes listed)."""
    qs = ReviewRecord.objects.all()
    if plan_id is not None:
        qs = qs.filter(plan_id=plan_id)
    counts = {f"o_{o}": Count("pk", filter=Q(outcome=o)) for o in OUTCOMES}
    rows = (
        qs.values("responsible_unit_id", "responsible_unit__name", "responsible_unit__sort_order")
        .annotate(total=Count("pk"), **counts)
        .order_by("responsible_unit__sort_order", "responsible_unit__name")
    )
    return [
        {
            "unit_id": row["responsible_unit_id"],
            "unit": row["responsible_unit__name"],
            "total": row["total"],
            "by_outcome": {o: row[f"o_{o}"] for o in OUTCOMES},
        }
        for row in rows
    ]


def _cost(suffix):
    money = DecimalField(max_digits=30, decimal_places=2)
    return ExpressionWrapper(
        (
            F(f"hours_{suffix}") * F("hourly_income")
            + F(f"outside_cost_{suffix}")
            + F(f"fee_{suffix}")
        )
        * F("times_per_year")
        * F("applicants"),
        output_field=money,
    )


def savings_totals(plan_id=None):
    """Simplification savings: compliance cost before/after, saving, rate, hours saved."""
    qs = SimplificationProposal.objects.all()
    if plan_id is not None:
        qs = qs.filter(record__plan_id=plan_id)
    hours = DecimalField(max_digits=30, decimal_places=2)
    agg = qs.aggregate(
        proposals=Count("pk"),
        procedures=Count("record__procedure", distinct=True),
        cost_before=Sum(_cost("before")),
        cost_after=Sum(_cost("after")),
        hours_saved=Sum(
            ExpressionWrapper(
                (F("hours_before") - F("hours_after")) * F("times_per_year") * F("applicants"),
                output_field=hours,
            )
        ),
        days_before=Sum("processing_days_before"),
        days_after=Sum("processing_days_after"),
    )
    before = float(agg["cost_before"] or 0)
    after = float(agg["cost_after"] or 0)
    return {
        "proposals": agg["proposals"],
        "procedures": agg["procedures"],
        "cost_before": before,
        "cost_after": after,
        "saving": before - after,
        "saving_rate": round((before - after) / before, 4) if before else 0.0,
        "hours_saved": float(agg["hours_saved"] or 0),
        "days_before": float(agg["days_before"] or 0),
        "days_after": float(agg["days_after"] or 0),
    }
