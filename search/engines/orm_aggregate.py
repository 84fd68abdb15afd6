"""The embedded engine's runner of declared aggregations (search/aggregations.py): one
GROUP BY query over the app's own tables, with conditional counts and sums.

The item fields are located on the model by the declaration's OrmSource; a condition
becomes a Q, a measure Count/Sum/Avg(filter=Q).
"""

from datetime import datetime, time, timedelta

from django.db.models import Avg, CharField, Count, F, Func, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .. import aggregations as a


class OrmConditions:
    """Conditions of one bound declaration as Q objects."""

    def __init__(self, bound: a.Bound):
        self.bound = bound
        self.source = bound.aggregation.orm

    def q(self, condition) -> Q:
        if isinstance(condition, a.All):
            return _fold(condition.conditions, self.q, Q.__and__, Q())
        if isinstance(condition, a.Any):
            return _fold(condition.conditions, self.q, Q.__or__, Q(pk__in=[]))
        if isinstance(condition, a.Not):
            return ~self.q(condition.condition)
        where = self.source.locate(condition.field)
        if isinstance(where, a.Flag):
            return self._flag(condition, where.q())
        if isinstance(where, a.DateOf):
            return self._date_of(condition, where.path)
        return self._plain(condition, where)

    def _plain(self, condition, path) -> Q:
        value = self.bound.value
        if isinstance(condition, a.Is):
            return Q(**{path: value(condition.value)})
        if isinstance(condition, a.In):
            return Q(**{f"{path}__in": list(value(condition.values) or [])})
        if isinstance(condition, a.Prefix):
            return Q(**{f"{path}__startswith": value(condition.value)})
        if isinstance(condition, a.Present | a.Missing):
            return Q(**{f"{path}__isnull": isinstance(condition, a.Missing)})
        if isinstance(condition, a.Range):
            bounds = {op: value(v) for op, v in condition.bounds().items()}
            return Q(**{f"{path}__{op}": v for op, v in bounds.items() if v is not None})
        raise TypeError(f"Unsupported condition {condition!r}")

    def _flag(self, condition, q) -> Q:
        if isinstance(condition, a.Is):
            return q if self.bound.value(condition.value) else ~q
        raise TypeError(f"{condition.field} is a flag: only Is(field, True/False) applies")

    def _date_of(self, condition, path) -> Q:
        """Whole local days on a datetime column: <= d is before the next midnight."""
        if not isinstance(condition, a.Range):
            raise TypeError(f"{condition.field} is a datetime read as a date: use Range")
        tz = timezone.get_current_timezone()
        q = Q()
        for op, bound in condition.bounds().items():
            day = self.bound.value(bound)
            if day is None:
                continue
            if isinstance(day, str):
                day = datetime.fromisoformat(day[:10]).date()
            if op in ("gt", "lte"):
                day += timedelta(days=1)
            moment = datetime.combine(day, time.min, tz)
            q &= Q(**{f"{path}__{'gte' if op in ('gt', 'gte') else 'lt'}": moment})
        return q


def _fold(conditions, translate, join, empty):
    result = None
    for condition in conditions:
        q = translate(condition)
        result = q if result is None else join(result, q)
    return empty if result is None else result


class YearMonth(Func):
    """A date's month as "2017-05", natively (Django's TruncMonth is a Python function
    called per row on SQLite)."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="strftime('%%Y-%%m', %(expressions)s)")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')")

    def as_sql(self, compiler, connection, template=None, **extra):
        if template is None:  # another database: its own month truncation
            return TruncMonth(*self.source_expressions).as_sql(compiler, connection)
        return super().as_sql(compiler, connection, template=template, **extra)


def _key_expression(source, key):
    field = a.key_field(key)
    where = source.locate(field)
    if not isinstance(where, str):
        raise TypeError(f"Group key {field} must be a column on the model")
    return YearMonth(where) if isinstance(key, a.Month) else F(where)


def _measure(source, conditions, measure):
    where = conditions.q(measure.where) if measure.where is not None else None
    if isinstance(measure, a.Count):
        return Count("pk", filter=where)
    path = source.locate(measure.field)
    function = Sum if isinstance(measure, a.Sum) else Avg
    return function(path, filter=where)


def run(bound: a.Bound, types: dict) -> list[dict]:
    """Aliases carry a prefix: a key or measure may share its name with a model field."""
    source = bound.aggregation.orm
    conditions = OrmConditions(bound)
    qs = source.queryset(bound.params)
    for condition in bound.filters():
        qs = qs.filter(conditions.q(condition))
    measures = {
        f"m_{name}": _measure(source, conditions, measure)
        for name, measure in bound.aggregation.measures.items()
    }
    keys = bound.keys()
    if not keys:
        raw = [qs.aggregate(**measures)]
    else:
        columns = {f"k_{name}": _key_expression(source, k) for name, k in keys.items()}
        raw = qs.values(**columns).annotate(**measures).order_by()
    return a.finish(bound, ({k[2:]: v for k, v in row.items()} for row in raw), types)


def orm_q(declared, condition, **params) -> Q:
    """A declared condition as a Q on the model, for listings and counts that show what a
    figure counts (the overdue tasks, the late dossiers). `declared`: the Aggregation
    whose fields the condition uses, or just its OrmSource."""
    if isinstance(declared, a.OrmSource):
        declared = a.Aggregation(name="", kind="", group_by={}, measures={}, orm=declared)
    return OrmConditions(declared.bind(params)).q(condition)
