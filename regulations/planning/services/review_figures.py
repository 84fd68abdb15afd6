"""Kết quả rà soát: review outcomes per responsible unit and simplification savings.

Outcomes are planning's declared REVIEW_OUTCOMES aggregation (planning/aggregations.py)
run by the search module, listed in the unit tree's order with every outcome present.
Savings are money over proposal columns (Decimal products), not an index figure: they
are computed here by the ORM only.
"""

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Sum

from search.service import aggregate

from ..aggregations import REVIEW_OUTCOMES, outcome_measure
from ..choices import Outcome
from ..models import SimplificationProposal
from .tracking import given, in_unit_order

OUTCOMES = list(Outcome.values)


def review_outcomes(plan_id=None):
    """Per responsible unit: [{unit_id, unit, total, by_outcome}] (all outcomes listed)."""
    rows = aggregate(REVIEW_OUTCOMES, **given(plan_id=plan_id))
    return in_unit_order(
        [
            {
                "unit_id": row["unit_id"],
                "total": row["total"],
                "by_outcome": {o: row[outcome_measure(o)] for o in OUTCOMES},
            }
            for row in rows
        ]
    )


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


def review_rows(plan=None):
    return review_outcomes(plan_id=plan.pk if plan else None)


def savings(plan=None):
    return savings_totals(plan_id=plan.pk if plan else None)
