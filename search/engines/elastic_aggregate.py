"""The Elasticsearch runner of declared aggregations (search/aggregations.py).

The group keys become the sources of a `composite` aggregation (terms, or a
date_histogram for Month/Day), paged with `after_key`; each measure is a sub-
aggregation (a `filter` bucket for a conditional count, `sum`/`avg` metrics). Item
fields live under `data.` in the index; conditions become bool/term/range queries.
Comparisons between two fields are not queries: the app indexes such flags (e.g.
completed after the deadline) and the ORM side computes them (aggregations.Flag).
"""

from datetime import date

from elasticsearch.dsl import Q, Search

from .. import aggregations as a

PAGE = 1000


def _field(name):
    return f"data.{name}"


def _json(value):
    return value.isoformat() if isinstance(value, date) else value


class EsConditions:
    def __init__(self, bound: a.Bound):
        self.bound = bound

    def q(self, condition):
        if isinstance(condition, a.All):
            return Q("bool", filter=[self.q(c) for c in condition.conditions])
        if isinstance(condition, a.Any):
            return Q(
                "bool", should=[self.q(c) for c in condition.conditions], minimum_should_match=1
            )
        if isinstance(condition, a.Not):
            return Q("bool", must_not=[self.q(condition.condition)])
        field, value = _field(condition.field), self.bound.value
        if isinstance(condition, a.Is):
            return Q("term", **{field: _json(value(condition.value))})
        if isinstance(condition, a.In):
            return Q("terms", **{field: [_json(v) for v in value(condition.values) or []]})
        if isinstance(condition, a.Prefix):
            return Q("prefix", **{field: value(condition.value)})
        if isinstance(condition, a.Present):
            return Q("exists", field=field)
        if isinstance(condition, a.Missing):
            return Q("bool", must_not=[Q("exists", field=field)])
        if isinstance(condition, a.Range):
            bounds = {op: _json(value(v)) for op, v in condition.bounds().items()}
            return Q("range", **{field: {op: v for op, v in bounds.items() if v is not None}})
        raise TypeError(f"Unsupported condition {condition!r}")


def _source(name, key, types):
    field = _field(a.key_field(key))
    if isinstance(key, a.Month):
        spec = {"field": field, "calendar_interval": "month", "format": "yyyy-MM"}
        return {name: {"date_histogram": spec}}
    if isinstance(key, a.Day) or types.get(key) == "date":
        spec = {"field": field, "calendar_interval": "day", "format": "yyyy-MM-dd"}
        return {name: {"date_histogram": spec}}
    return {name: {"terms": {"field": field}}}


def _add_measures(parent, bound, conditions):
    for name, measure in bound.aggregation.measures.items():
        target = parent
        if measure.where is not None:
            target = parent.bucket(name, "filter", filter=conditions.q(measure.where))
        if isinstance(measure, a.Sum | a.Avg):
            kind = "sum" if isinstance(measure, a.Sum) else "avg"
            metric = f"{name}_value" if measure.where is None else "value"
            target.metric(metric, kind, field=_field(measure.field))


def _measure_values(bucket, bound):
    values = {}
    for name, measure in bound.aggregation.measures.items():
        if measure.where is not None:
            inner = bucket[name]
            count = inner.doc_count
            value = inner["value"].value if not isinstance(measure, a.Count) else count
        else:
            count = bucket.doc_count
            value = count if isinstance(measure, a.Count) else bucket[f"{name}_value"].value
        if isinstance(measure, a.Avg) and not count:
            value = None
        values[name] = value
    return values


def run(engine, bound: a.Bound, types: dict) -> list[dict]:
    conditions = EsConditions(bound)
    s = Search(using=engine.client, index=engine.alias).filter("term", kind=bound.aggregation.kind)
    for condition in bound.filters():
        s = s.filter(conditions.q(condition))
    s = s.extra(size=0)
    keys = bound.keys()
    if not keys:
        s = s.extra(track_total_hits=True)
        whole = s.aggs.bucket("all", "filter", filter=Q("match_all"))
        _add_measures(whole, bound, conditions)
        response = s.execute()
        return a.finish(bound, [_measure_values(response.aggregations["all"], bound)], types)
    sources = [_source(name, key, types) for name, key in keys.items()]
    rows, after = [], None
    while True:
        extra = {"after": after} if after else {}
        page = s._clone()
        group = page.aggs.bucket("rows", "composite", sources=sources, size=PAGE, **extra)
        _add_measures(group, bound, conditions)
        result = page.execute().aggregations.rows
        for bucket in result.buckets:
            key = bucket.key.to_dict()
            rows.append({**{n: key.get(n) for n in keys}, **_measure_values(bucket, bound)})
        after = result.after_key.to_dict() if "after_key" in result else None
        if not after or len(result.buckets) < PAGE:
            break
    return a.finish(bound, rows, types)
