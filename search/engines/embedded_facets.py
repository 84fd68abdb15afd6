"""Facets of the embedded engine (bộ lọc theo loại, cơ quan, năm…), whatever their names.

Each entry keeps its facets in the `facets` JSON ({name: value}, values strings).
Counting is one GROUP BY over the matching rows on (kind, facets): the items of one
document, or of one unit, carry the same JSON, so a query of 100,000 matches makes a
few hundred groups, whose JSON Python reads once each. Counts are exact. A filter is
the value read out of the JSON (no column, no migration for a new facet).
"""

import json
from collections import Counter

from ..registry import registry
from .base import facet_list


def value_sql(vendor: str) -> str:
    """SQL reading one facet (its name the parameter) from `e.facets`, as text."""
    if vendor == "postgresql":
        return "(e.facets ->> %s)"
    return "json_extract(e.facets, %s)"


def value_param(vendor: str, name: str) -> str:
    return name if vendor == "postgresql" else f'$."{name}"'


def filter_sql(vendor: str, name: str, values) -> tuple[str, list]:
    """(WHERE clause, params): the facet `name` is one of `values`."""
    values = [str(v) for v in values]
    sql = f"{value_sql(vendor)} IN ({', '.join(['%s'] * len(values))})"
    return sql, [value_param(vendor, name), *values]


def counted(rows) -> tuple[int, dict]:
    """(matching items, {"kind" and each facet: [{"value", "count"}]}) from the rows of
    `SELECT e.kind, e.facets, COUNT(*) … GROUP BY e.kind, e.facets`."""
    total, kinds, counters = 0, Counter(), {}
    for kind, facets, n in rows:
        total += n
        kinds[kind] += n
        if isinstance(facets, str):  # SQLite returns the JSON text
            facets = json.loads(facets)
        for name, value in (facets or {}).items():
            counters.setdefault(name, Counter())[str(value)] += n
    return total, {
        "kind": facet_list(kinds),
        **{name: facet_list(counters.get(name, {})) for name in registry.facets},
    }
