"""Tracking numbers (theo dõi thực hiện) as named aggregations over indexed items.

The embedded engine calls the ORM function the owning app registered
(registry.aggregations[name]); the Elasticsearch engine computes the same
numbers with elasticsearch-dsl aggregations over the items' `data` fields
(semantics in search/registry.py and regulations/planning/services/tracking.py).
A test compares both on the same data.

Other apps call these module-level functions (or search.service.aggregate), never
an engine.
"""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone
from elasticsearch.dsl import Q, Search

from .registry import registry

DUE_SOON_DAYS = 7
BIG = 10_000


def orm_aggregation(name):
    try:
        return registry.aggregations[name]
    except KeyError:
        raise LookupError(f"No aggregation named {name!r} is registered.") from None


def es_aggregation(name):
    """The Elasticsearch implementation, or the app's ORM one when there is none."""
    return ES_AGGREGATIONS.get(name) or (lambda engine, **p: orm_aggregation(name)(**p))


def _aggregate(name, **params):
    from .service import aggregate

    return aggregate(name, **params)


# Public entry points (what planning, dossiers and surveys call).
def task_tracking(**params):
    return _aggregate("task_tracking", **params)


def completions_per_month(**params):
    return _aggregate("task_completions_by_month", **params)


def review_outcomes_by_unit(**params):
    return _aggregate("review_outcomes", **params)


def late_dossiers_by_unit(**params):
    return _aggregate("late_dossiers_by_unit", **params)


def satisfaction_index(**params):
    return _aggregate("satisfaction_index", **params)


# -- Elasticsearch implementations ------------------------------------------------------
def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _search(engine, kind):
    return Search(using=engine.client, index=engine.alias).filter("term", kind=kind).extra(size=0)


def _choices(module, name):
    try:
        import importlib

        return list(getattr(importlib.import_module(module), name).values)
    except (ImportError, AttributeError):
        return []


def _unit_order(unit_ids):
    """Units in the tree's order (sort_order, name), as the ORM aggregations list them."""
    try:
        from regulations.organisation.models import Unit
    except ImportError:
        return {}
    rows = Unit.objects.filter(pk__in=list(unit_ids)).values_list("pk", "sort_order", "name")
    return {pk: (order, name or "", pk) for pk, order, name in rows}


def _sort_units(rows):
    order = _unit_order(r["unit_id"] for r in rows)
    return sorted(rows, key=lambda r: order.get(r["unit_id"], (10**9, r["unit"] or "", 0)))


def es_task_tracking(
    engine, plan_id=None, period_start=None, period_end=None, today=None, unit_id=None
):
    today = today or timezone.localdate()
    statuses = _choices("regulations.planning.choices", "TaskStatus") or [
        "chua_thuc_hien",
        "dang_thuc_hien",
        "cho_duyet",
        "hoan_thanh",
    ]
    s = _task_scope(_search(engine, "task"), plan_id, unit_id, period_start, period_end)
    # Quá hạn: open and past the deadline; hoàn thành trễ hạn: done after it.
    overdue = Q(
        "bool",
        must_not=[Q("exists", field="data.completed_on")],
        filter=[Q("range", **{"data.deadline": {"lt": _iso(today)}})],
    )
    completed_late = Q("term", **{"data.completed_late": True})
    due_soon = Q(
        "bool",
        must_not=[Q("exists", field="data.completed_on")],
        filter=[
            Q(
                "range",
                **{
                    "data.deadline": {
                        "gte": _iso(today),
                        "lte": _iso(today + timedelta(days=DUE_SOON_DAYS)),
                    }
                },
            )
        ],
    )
    units = s.aggs.bucket("units", "terms", field="data.unit_id", size=BIG)
    units.bucket("status", "terms", field="data.status", size=50)
    units.bucket("overdue", "filter", filter=overdue)
    units.bucket("completed_late", "filter", filter=completed_late)
    units.bucket("due_soon", "filter", filter=due_soon)
    response = s.execute()
    rows = []
    for bucket in response.aggregations.units.buckets:
        by_status = dict.fromkeys(statuses, 0)
        for b in bucket.status.buckets:
            by_status[b.key] = b.doc_count
        total = bucket.doc_count
        done = by_status.get("hoan_thanh", 0)
        rows.append(
            {
                "unit_id": bucket.key,
                "unit": "",
                "total": total,
                "by_status": by_status,
                "overdue": bucket.overdue.doc_count,
                "completed_late": bucket.completed_late.doc_count,
                "due_soon": bucket.due_soon.doc_count,
                "completion_rate": round(done / total, 4) if total else 0.0,
            }
        )
    return _sort_units(_with_unit_names(rows))


def _with_unit_names(rows):
    """Unit names from the unit table (cheaper than a sub-aggregation per unit)."""
    try:
        from regulations.organisation.models import Unit
    except ImportError:
        return rows
    names = dict(Unit.objects.filter(pk__in=[r["unit_id"] for r in rows]).values_list("pk", "name"))
    for row in rows:
        row["unit"] = names.get(row["unit_id"], row["unit"])
    return rows


def _task_scope(s, plan_id=None, unit_id=None, period_start=None, period_end=None):
    if plan_id is not None:
        s = s.filter("term", **{"data.plan_id": plan_id})
    if unit_id is not None:
        s = s.filter("term", **{"data.unit_id": unit_id})
    if period_start or period_end:
        bounds = {}
        if period_start:
            bounds["gte"] = _iso(period_start)
        if period_end:
            bounds["lte"] = _iso(period_end)
        s = s.filter(
            Q(
                "bool",
                should=[
                    Q("range", **{"data.deadline": bounds}),
                    Q("bool", must_not=[Q("exists", field="data.deadline")]),
                ],
                minimum_should_match=1,
            )
        )
    return s


def es_completions_by_month(engine, plan_id=None, unit_id=None):
    s = _task_scope(_search(engine, "task"), plan_id, unit_id)
    s = s.filter("exists", field="data.completed_on")
    s.aggs.bucket(
        "months",
        "date_histogram",
        field="data.completed_on",
        calendar_interval="month",
        format="yyyy-MM",
        min_doc_count=1,
    )
    response = s.execute()
    return [
        {"month": b.key_as_string, "count": b.doc_count}
        for b in response.aggregations.months.buckets
        if b.doc_count
    ]


def es_review_outcomes(engine, plan_id=None):
    outcomes = _choices("regulations.planning.choices", "Outcome")
    s = _search(engine, "review")
    if plan_id is not None:
        s = s.filter("term", **{"data.plan_id": plan_id})
    units = s.aggs.bucket("units", "terms", field="data.unit_id", size=BIG)
    units.bucket("name", "terms", field="data.unit_name", size=1)
    units.bucket("outcome", "terms", field="data.outcome", size=100)
    response = s.execute()
    rows = []
    for bucket in response.aggregations.units.buckets:
        by_outcome = dict.fromkeys(outcomes, 0)
        for b in bucket.outcome.buckets:
            by_outcome[b.key] = b.doc_count
        names = bucket.name.buckets
        rows.append(
            {
                "unit_id": bucket.key,
                "unit": names[0].key if names else "",
                "total": bucket.doc_count,
                "by_outcome": by_outcome,
            }
        )
    return _sort_units(rows)


def es_late_dossiers_by_unit(
    engine, date_from=None, date_to=None, unit_ids=None, today=None, queryset=None
):
    """Rows as regulations/dossiers/services/reports.py: {unit_id, unit_name, received,
    late, letters, late_without_letter, average_delay} over "dossier" items.

    Lateness is derived as of `today`, like the ORM: a result completed after the
    due date, or an open dossier whose due date has passed. Open late dossiers'
    delays are counted in working days to today, grouped by due date.
    """
    from regulations.calendar.services import WorkCalendar

    if queryset is not None:  # a caller-specific queryset only the ORM can answer
        return orm_aggregation("late_dossiers_by_unit")(
            date_from=date_from, date_to=date_to, unit_ids=unit_ids, today=today, queryset=queryset
        )
    today = _as_date(today) or timezone.localdate()
    s = _search(engine, "dossier")
    if unit_ids:
        s = s.filter("terms", **{"data.unit_id": list(unit_ids)})
    if date_from or date_to:
        bounds = {k: _iso(v) for k, v in (("gte", date_from), ("lte", date_to)) if v}
        s = s.filter("range", **{"data.received_on": bounds})
    completed_late = Q("term", **{"data.completed_late": True})
    open_late = Q(
        "bool",
        filter=[
            Q("term", **{"data.open": True}),
            Q("range", **{"data.appointment_date": {"lt": _iso(today)}}),
        ],
        must_not=[Q("exists", field="data.completed_on")],
    )
    late = Q("bool", should=[completed_late, open_late], minimum_should_match=1)
    units = s.aggs.bucket("units", "terms", field="data.unit_id", size=BIG)
    units.bucket("name", "terms", field="data.unit_name", size=1)
    units.metric("letters", "sum", field="data.letters")
    units.bucket("late", "filter", filter=late)
    units.bucket("done", "filter", filter=completed_late).metric(
        "delay", "sum", field="data.completed_delay_days"
    )
    units.bucket("open", "filter", filter=open_late).bucket(
        "due", "terms", field="data.appointment_date", size=BIG
    )
    # lateness.needs_letter_q: misses the current appointment (no signed letter for it).
    needs_letter = Q(
        "bool",
        should=[
            Q("term", **{"data.completed_after_appointment": True}),
            Q(
                "bool",
                filter=[
                    Q("term", **{"data.open": True}),
                    Q("range", **{"data.appointment_on": {"lt": _iso(today)}}),
                ],
                must_not=[Q("exists", field="data.completed_on")],
            ),
        ],
        minimum_should_match=1,
    )
    units.bucket("late_without_letter", "filter", filter=needs_letter)
    response = s.execute()
    calendar = WorkCalendar()
    rows = []
    for bucket in response.aggregations.units.buckets:
        names = bucket.name.buckets
        n_late = bucket.late.doc_count
        delay = bucket.done.delay.value or 0
        for due in bucket.open.due.buckets:
            due_date = _as_date(due.key_as_string if "key_as_string" in due else due.key)
            delay += max(calendar.working_days_between(due_date, today), 0) * due.doc_count
        rows.append(
            {
                "unit_id": bucket.key,
                "unit_name": names[0].key if names else "",
                "received": bucket.doc_count,
                "late": n_late,
                "letters": int(bucket.letters.value or 0),
                "late_without_letter": bucket.late_without_letter.doc_count,
                "average_delay": round(delay / n_late, 2) if n_late else None,
            }
        )
    rows.sort(key=lambda r: (-r["late"], r["unit_name"]))
    return rows


def _as_date(value):
    """A date from a date, an ISO string or epoch milliseconds (ES date keys)."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    return date.fromisoformat(str(value)[:10])


def es_satisfaction_index(
    engine, *, unit_id=None, procedure_id=None, quarter=None, year=None, by_quarter=False
):
    """Rows {criterion_id, factor_id, answers, satisfied[, quarter]}."""
    s = _search(engine, "survey_answer")
    if unit_id:
        s = s.filter("term", **{"data.unit_id": unit_id})
    if procedure_id:
        s = s.filter("term", **{"data.procedure_id": procedure_id})
    if quarter:
        s = s.filter("term", **{"data.quarter": quarter})
    if year:
        s = s.filter("prefix", **{"data.quarter": f"{year}-"})
    criteria = s.aggs.bucket("criteria", "terms", field="data.criterion_id", size=BIG)
    criteria.bucket("factor", "terms", field="data.factor_id", size=1)
    leaf = criteria
    if by_quarter:
        leaf = criteria.bucket("quarters", "terms", field="data.quarter", size=BIG)
    leaf.bucket("satisfied", "filter", filter=Q("term", **{"data.satisfied": True}))
    response = s.execute()
    rows = []
    for bucket in response.aggregations.criteria.buckets:
        factor = bucket.factor.buckets[0].key if bucket.factor.buckets else None
        base = {"criterion_id": bucket.key, "factor_id": factor}
        if by_quarter:
            for q in bucket.quarters.buckets:
                rows.append(
                    {
                        **base,
                        "answers": q.doc_count,
                        "satisfied": q.satisfied.doc_count,
                        "quarter": q.key,
                    }
                )
        else:
            rows.append(
                {**base, "answers": bucket.doc_count, "satisfied": bucket.satisfied.doc_count}
            )
    return rows


ES_AGGREGATIONS = {
    "task_tracking": es_task_tracking,
    "task_completions_by_month": es_completions_by_month,
    "review_outcomes": es_review_outcomes,
    "late_dossiers_by_unit": es_late_dossiers_by_unit,
    "satisfaction_index": es_satisfaction_index,
}
