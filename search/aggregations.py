"""Declared aggregations: what an app asks of the index, said once, run by every engine.

An app declares each figure it shows as an `Aggregation` next to its models (e.g.
<app>/aggregations.py): which kind of item, which `data` fields to
group by, which filters and which measures. The engines run the declaration, the
embedded one through the ORM (search/engines/orm_aggregate.py), Elasticsearch with
elasticsearch-dsl aggregations (search/engines/elastic_aggregate.py); both return the
same rows, sorted by the group keys:

    [{<group key>: value, ..., <measure>: value, ...}]

Names, ordering and arithmetic that belong to the domain (unit names, the unit tree's
order, working-day delays) are the app's, done on these rows. This module knows no
domain: only fields, parameters and the query date.

Filters. A filter is a condition; it applies when it names no parameter (always), or
when at least one parameter it names is given (not None, not ""). A range bound whose
parameter is not given is dropped, so `Range("deadline", gte=Param("start"),
lte=Param("end"))` serves "from", "to" and both. `Today(days)` is the query date (the
`today` parameter, by default the local date) plus `days`: "overdue" and "due within
7 days" are filters relative to it.

Fields are the item's `data` fields, declared with their types by the app
(registry.register_model(..., data_fields=...)); registering an aggregation that uses
an undeclared field fails at start-up, since Elasticsearch would silently see nothing.
For the ORM runner, `OrmSource.fields` says where each field lives on the model: a
path ("lead_unit_id", "response__quarter"), a `Flag` (a boolean computed in SQL, the
ORM side of a flag the app computes at index time) or a `DateOf` (a datetime column
read as its local date).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone


# -- values --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Param:
    """A value given by the caller: aggregate(decl, plan_id=3) fills Param("plan_id")."""

    name: str
    format: Callable | None = None  # e.g. a year 2017 → "2017-" for a Prefix


@dataclass(frozen=True)
class Today:
    """The query date plus `days`."""

    days: int = 0


# -- conditions ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Is:
    field: str
    value: object


@dataclass(frozen=True)
class In:
    field: str
    values: object  # a Param or a list


@dataclass(frozen=True)
class Range:
    field: str
    gte: object = None
    gt: object = None
    lte: object = None
    lt: object = None

    def bounds(self):
        return {op: getattr(self, op) for op in ("gte", "gt", "lte", "lt")}


@dataclass(frozen=True)
class Prefix:
    field: str
    value: object


@dataclass(frozen=True)
class Present:
    field: str


@dataclass(frozen=True)
class Missing:
    field: str


@dataclass(frozen=True)
class All:
    conditions: tuple

    def __init__(self, *conditions):
        object.__setattr__(self, "conditions", conditions)


@dataclass(frozen=True)
class Any:
    conditions: tuple

    def __init__(self, *conditions):
        object.__setattr__(self, "conditions", conditions)


@dataclass(frozen=True)
class Not:
    condition: object


# -- group keys and measures ------------------------------------------------------------------
@dataclass(frozen=True)
class Month:
    """A date field's month, as "2017-05"."""

    field: str


@dataclass(frozen=True)
class Day:
    """A date field's day, as a date."""

    field: str


@dataclass(frozen=True)
class When:
    """A group key used only when the boolean parameter `param` is true."""

    param: str
    key: object


@dataclass(frozen=True)
class Count:
    where: object = None


@dataclass(frozen=True)
class Sum:
    field: str
    where: object = None


@dataclass(frozen=True)
class Avg:
    field: str
    where: object = None


# -- where the ORM reads a field -------------------------------------------------------------
@dataclass(frozen=True)
class Flag:
    """A boolean field computed in SQL: `q()` returns the Q that is true for the item."""

    q: Callable


@dataclass(frozen=True)
class DateOf:
    """A datetime column read as its local date (ranges by whole local days)."""

    path: str


@dataclass(frozen=True)
class OrmSource:
    """The embedded engine's side: the queryset (from the parameters, so the app may add
    a plan hint) and where each data field lives on its model (default: same name)."""

    queryset: Callable
    fields: dict = field(default_factory=dict)

    def locate(self, name):
        return self.fields.get(name, name)


# -- the declaration ---------------------------------------------------------------------------
def _given(value):
    return value is not None and value != ""


@dataclass(frozen=True)
class Aggregation:
    name: str
    kind: str
    group_by: dict  # {key name: field name | Month | Day | When}
    measures: dict  # {name: Count | Sum | Avg}
    orm: OrmSource
    filters: tuple = ()
    doc: str = ""

    # What the declaration names.
    def params(self) -> set[str]:
        names = {"today"}
        for condition in self.filters:
            names |= {p.name for p in params_in(condition)}
        names |= {key.param for key in self.group_by.values() if isinstance(key, When)}
        return names

    def fields(self) -> set[str]:
        names = set()
        for key in self.group_by.values():
            key = key.key if isinstance(key, When) else key
            names.add(key if isinstance(key, str) else key.field)
        for measure in self.measures.values():
            if isinstance(measure, Sum | Avg):
                names.add(measure.field)
            names |= fields_in(measure.where)
        for condition in self.filters:
            names |= fields_in(condition)
        return names

    # What one call asks.
    def bind(self, params: dict) -> Bound:
        unknown = set(params) - self.params()
        if unknown:
            raise TypeError(f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))}")
        today = params.get("today")
        if isinstance(today, str):
            today = datetime.date.fromisoformat(today[:10])
        return Bound(self, {**params, "today": today or timezone.localdate()})


@dataclass
class Bound:
    """A declaration with the values of one call."""

    aggregation: Aggregation
    params: dict

    def keys(self) -> dict:
        keys = {}
        for name, key in self.aggregation.group_by.items():
            if isinstance(key, When):
                if not self.params.get(key.param):
                    continue
                key = key.key
            keys[name] = key
        return keys

    def filters(self) -> list:
        active = []
        for condition in self.aggregation.filters:
            names = [p.name for p in params_in(condition)]
            if not names or any(_given(self.params.get(n)) for n in names):
                active.append(condition)
        return active

    def value(self, value):
        """A literal, a Param's value (None when not given) or Today's date."""
        if isinstance(value, Param):
            given = self.params.get(value.name)
            if not _given(given):
                return None
            return value.format(given) if value.format else given
        if isinstance(value, Today):
            return self.params["today"] + datetime.timedelta(days=value.days)
        return value


def params_in(condition):
    if condition is None:
        return
    if isinstance(condition, All | Any):
        for inner in condition.conditions:
            yield from params_in(inner)
    elif isinstance(condition, Not):
        yield from params_in(condition.condition)
    elif isinstance(condition, Range):
        yield from (v for v in condition.bounds().values() if isinstance(v, Param))
    else:
        value = getattr(condition, "value", getattr(condition, "values", None))
        if isinstance(value, Param):
            yield value


def fields_in(condition) -> set[str]:
    if condition is None:
        return set()
    if isinstance(condition, All | Any):
        return set().union(*(fields_in(c) for c in condition.conditions))
    if isinstance(condition, Not):
        return fields_in(condition.condition)
    return {condition.field}


def key_field(key) -> str:
    return key if isinstance(key, str) else key.field


# -- rows, the same from every engine --------------------------------------------------------
def coerce(kind_type: str | None, value):
    """A value as its declared type, whatever the engine returned (ES sums are floats,
    keyword keys strings, date keys strings or epoch milliseconds)."""
    if value is None:
        return None
    if kind_type in ("long", "integer"):
        return int(round(float(value)))
    if kind_type == "float":
        return float(value)
    if kind_type == "keyword":
        return str(value)
    if kind_type == "boolean":
        return value in (True, 1, "true", "1")
    if kind_type == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, int | float):
            return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC).date()
        return datetime.date.fromisoformat(str(value)[:10])
    return value


def finish(bound: Bound, raw_rows, types: dict) -> list[dict]:
    """Rows with typed values, without items that have no value for a group key, in
    group key order."""
    keys = bound.keys()
    rows = []
    for raw in raw_rows:
        row = {}
        for name, key in keys.items():
            if isinstance(key, Month):
                value = raw[name]
                if isinstance(value, datetime.date):
                    value = value.strftime("%Y-%m")
                row[name] = None if value is None else str(value)[:7]
            elif isinstance(key, Day):
                row[name] = coerce("date", raw[name])
            else:
                row[name] = coerce(types.get(key), raw[name])
        if any(row[name] is None for name in keys):
            continue
        for name, measure in bound.aggregation.measures.items():
            value = raw.get(name)
            if isinstance(measure, Count):
                row[name] = int(value or 0)
            elif isinstance(measure, Sum):
                row[name] = coerce(types.get(measure.field), value or 0)
            else:
                row[name] = None if value is None else round(float(value), 6)
        rows.append(row)
    rows.sort(key=lambda r: tuple(r[name] for name in keys))
    return rows
