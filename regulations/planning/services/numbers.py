"""The one place views get tracking numbers from.

The search module (search.tracking) decides per installation: Elasticsearch
aggregations over the indexed "task"/"review" items when configured, otherwise the
embedded engine, which calls our ORM aggregations (services.tracking).
To bypass the search module, switch the import below, in one line, to:
`from .tracking import task_tracking, completions_by_month as completions_per_month,
review_outcomes as review_outcomes_by_unit`.
"""

from search.tracking import completions_per_month, review_outcomes_by_unit, task_tracking

from . import tracking


def unit_rows(plan, period_start=None, period_end=None, today=None, unit_id=None):
    """Per-unit rows for a plan (see services.tracking.task_tracking)."""
    params = {"plan_id": plan.pk, "today": today, "unit_id": unit_id}
    if period_start:
        params["period_start"] = period_start
    if period_end:
        params["period_end"] = period_end
    return task_tracking(**params)


def completion_rows(plan, unit_id=None):
    return completions_per_month(plan_id=plan.pk, unit_id=unit_id)


def review_rows(plan=None):
    return review_outcomes_by_unit(plan_id=plan.pk if plan else None)


def savings(plan=None):
    """No index aggregation for money: always the ORM."""
    return tracking.savings_totals(plan_id=plan.pk if plan else None)
