"""Tracking numbers for a plan, as the views ask for them (services/tracking.py does
the work, through the search module's declared aggregations)."""

from . import tracking


def unit_rows(plan, period_start=None, period_end=None, today=None, unit_id=None):
    """Per-unit rows for a plan (see services.tracking.task_tracking)."""
    return tracking.task_tracking(
        plan_id=plan.pk,
        period_start=period_start or None,
        period_end=period_end or None,
        today=today,
        unit_id=unit_id,
    )


def completion_rows(plan, unit_id=None):
    return tracking.completions_by_month(plan_id=plan.pk, unit_id=unit_id)


def review_rows(plan=None):
    return tracking.review_outcomes(plan_id=plan.pk if plan else None)


def savings(plan=None):
    """Money over proposal columns: computed by the ORM (services.tracking)."""
    return tracking.savings_totals(plan_id=plan.pk if plan else None)
