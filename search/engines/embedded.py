"""The embedded engine: the index lives in the site's own database.

SQLite: FTS5 (bm25 with column weights, prefix and phrase queries).
PostgreSQL: tsvector with weights A/B/C, GIN index, ts_rank.
Both read and write SearchEntry through the default connection, so index changes
commit or roll back with the data that caused them.
"""

import sqlite3
from collections import Counter
from datetime import date

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from cms.db import insert_many

from ..models import FACETS, SearchEntry
from . import orm_aggregate
from .base import (
    GROUP_CHILDREN,
    SearchEngine,
    SearchRequest,
    SearchResults,
    facet_list,
    grouped_hits,
    index_columns,
    page_hits,
)
from .embedded_rank import PostgresDialect, Ranked, SQLiteDialect, _Dialect
from .visibility import visibility_sql

FACET_COLUMNS = ["kind"] + [f"facet_{name}" for name in FACETS]
COLUMNS = ["key", "kind", "title", "number", "url", "body", "date", "in_force", "parent"]
HIT_COLUMNS = ", ".join(f"e.{c}" for c in COLUMNS)
BATCH = 500


def entry_fields(doc: dict) -> dict:
    """Column values of the SearchEntry that stores one search document."""
    facets = doc.get("facets") or {}
    return {
        "key": doc["key"],
        "source": doc.get("source") or "",
        "kind": doc["kind"],
        "title": doc["title"],
        "number": doc.get("number") or "",
        "number_folded": _fold_number(doc.get("number") or ""),
        "parent": doc.get("parent") or "",
        "url": doc.get("url") or "",
        "body": doc.get("body") or "",
        "date": date.fromisoformat(doc["date"][:10]) if doc.get("date") else None,
        "in_force": doc.get("in_force", True),
        "public": doc.get("public", True),
        "scope_key": doc.get("scope_key") or "",
        "facets": facets,
        "data": doc.get("data") or {},
        **{f"facet_{name}": str(facets.get(name) or "")[:200] for name in FACETS},
        **index_columns(doc),
    }


def insert_entries(docs) -> int:
    """Store new entries (their keys must not exist); the FTS5 triggers or the
    generated tsvector columns index them. Below the ORM (cms.db.insert_many): an
    import writes thousands of provision entries per law."""
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    rows = []
    for doc in docs:
        values = entry_fields(doc)
        values["date"] = ops.adapt_datefield_value(values["date"])
        values["facets"] = ops.adapt_json_value(values["facets"], None)
        values["data"] = ops.adapt_json_value(values["data"], None)
        values["updated_at"] = now
        rows.append([values[name] for name in _INSERT_COLUMNS])
    if connection.vendor == "sqlite":
        return _insert_by_statements(rows)
    return insert_many(SearchEntry, _INSERT_COLUMNS, rows)


def _insert_by_statements(rows) -> int:
    """SQLite: many rows per INSERT statement. The FTS5 trigger's inserts are far
    cheaper when rows share a statement than one statement per row (executemany):
    12,000 entries with prefix='2 3' took 52 s by executemany, 19.6 s by 500-row
    statements (bench/README.md "## Word import")."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in _INSERT_COLUMNS)
    per_row = len(_INSERT_COLUMNS)
    size = max(1, min(ROWS_PER_STATEMENT, _sqlite_max_params() // per_row))
    placeholder = f"({', '.join(['%s'] * per_row)})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            part = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(SearchEntry._meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholder] * len(part))}",
                [value for row in part for value in row],
            )
    return len(rows)


ROWS_PER_STATEMENT = 500


def _sqlite_max_params() -> int:
    """The bound-parameter limit of this SQLite build (Django assumes the old 999)."""
    connection.ensure_connection()
    return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


_INSERT_COLUMNS = [
    f.column for f in SearchEntry._meta.concrete_fields if not f.primary_key and not f.generated
]


def _fold_number(number: str) -> str:
    from ..text import fold

    return fold(number)[:120]


class EmbeddedEngine(SearchEngine):
    name = "embedded"
    transactional = True

    def __init__(self, using="default"):
        self.using = using

    @property
    def dialect(self) -> _Dialect:
        vendor = connection.vendor
        if vendor == "sqlite":
            return SQLiteDialect()
        if vendor == "postgresql":
            return PostgresDialect()
        raise NotImplementedError(f"Embedded search does not support {vendor}.")

    @property
    def label(self) -> str:
        return "SQLite FTS5" if connection.vendor == "sqlite" else "PostgreSQL full-text"

    # -- writing -----------------------------------------------------------------
    def index(self, docs):
        docs = list(docs)
        if not docs:
            return
        with transaction.atomic():
            keys = [d["key"] for d in docs]
            SearchEntry.objects.filter(key__in=keys).delete()
            insert_entries(docs)

    def delete(self, keys):
        keys = list(keys)
        if keys:
            SearchEntry.objects.filter(key__in=keys).delete()

    def purge(self, source, keep):
        SearchEntry.objects.filter(source=source).exclude(key__in=list(keep)).delete()

    def rebuild(self, docs, total=None, progress=None):
        count = 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            batch = []
            for doc in docs:
                batch.append(doc)
                if len(batch) >= BATCH:
                    count += insert_entries(batch)
                    batch = []
                    if progress:
                        progress(count, total)
            count += insert_entries(batch)
            if progress:
                progress(count, total)
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        return {"engine": self.label, "indexed": count}

    def status(self):
        rows = SearchEntry.objects.values_list("kind").annotate(n=Count("id")).order_by("kind")
        by_kind = dict(rows)
        return {"engine": self.label, "documents": sum(by_kind.values()), "by_kind": by_kind}

    # -- reading -----------------------------------------------------------------
    def _filters(self, request: SearchRequest):
        where, params = [], []
        visible, visible_params = visibility_sql(request)
        if visible:
            where.append(visible)
            params.extend(visible_params)
        for name, values in request.filters.items():
            if not values:
                continue
            column = f"e.{name}" if name in ("kind", "parent") else f"e.facet_{name}"
            where.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
            params.extend(str(v) for v in values)
        return where, params

    def search(self, request: SearchRequest) -> SearchResults:
        parsed = request.query
        results = SearchResults(page=request.page, per_page=request.per_page)
        has_filters = any(request.filters.values())
        if parsed.empty and not has_filters:
            return results
        where, params = self._filters(request)
        if parsed.empty:
            ranked = Ranked("search_searchentry e", "", [], "0", [], "ASC")
        else:
            ranked = self.dialect.ranked(parsed)
            where.insert(0, ranked.match_sql)
        where_sql = " AND ".join(where) or "1=1"
        all_params = ranked.match_params + params
        with connection.cursor() as cursor:
            results.total, results.facets = _facets(cursor, ranked.source, where_sql, all_params)
            results.count = results.total
            if not results.total:
                return results
            by_date = request.sort == "date" or parsed.empty
            if request.grouped:
                rows = _group_page(cursor, ranked, where_sql, all_params, request, by_date)
                results.hits = grouped_hits(((doc, n) for doc, n, _g in rows), parsed)
                results.count = (
                    rows[0][2] if rows else _count_groups(cursor, ranked, where_sql, all_params)
                )
            elif request.offset < results.total:
                rows = _flat_page(cursor, ranked, where_sql, all_params, request, by_date)
                results.hits = page_hits(rows, parsed)
        return results

    def aggregate(self, bound, types):
        """A declared aggregation, bound to its parameters, by one ORM query."""
        return orm_aggregate.run(bound, types)


FILTERS_ALL = ("kind", *FACETS)
GROUP = "COALESCE(NULLIF(e.parent, ''), e.key)"


def _facets(cursor, source, where_sql, params):
    """(matching items, facet counts)."""
    columns = ", ".join("e." + c for c in FACET_COLUMNS)
    cursor.execute(
        f"SELECT {columns}, COUNT(*) FROM {source} WHERE {where_sql} GROUP BY {columns}", params
    )
    counters = {name: Counter() for name in FILTERS_ALL}
    total = 0
    for row in cursor.fetchall():
        total += row[-1]
        for name, value in zip(FILTERS_ALL, row[:-1], strict=True):
            counters[name][value] += row[-1]
    return total, {name: facet_list(c) for name, c in counters.items()}


def _flat_page(cursor, ranked, where_sql, params, request, by_date):
    order = f"score {ranked.direction}, e.id"
    if by_date:
        order = f"e.date DESC NULLS LAST, {order}"
    cursor.execute(
        f"SELECT {HIT_COLUMNS}, {ranked.score} AS score FROM {ranked.source}"
        f" WHERE {where_sql} ORDER BY {order} LIMIT %s OFFSET %s",
        ranked.score_params + params + [request.per_page, request.offset],
    )
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in cursor.fetchall()]


def _group_page(cursor, ranked, where_sql, params, request, by_date):
    """[(doc, members, groups)] of one page of groups: each group's head (its root item
    when it matched), then up to GROUP_CHILDREN more, groups by their best score."""
    best = "MIN" if ranked.direction == "ASC" else "MAX"
    order, outer = (_group_order(ranked.direction, by_date, t) for t in ("", "r."))
    cursor.execute(
        "WITH m AS MATERIALIZED (SELECT e.id AS id, e.key AS key, e.parent AS parent,"
        f" e.date AS date, {ranked.score} AS score, {GROUP} AS grp"
        f" FROM {ranked.source} WHERE {where_sql}),"
        f" g AS (SELECT grp, {best}(score) AS best, MAX(date) AS gdate,"
        " SUM(CASE WHEN parent <> '' THEN 1 ELSE 0 END) AS members, COUNT(*) OVER () AS groups"
        f" FROM m GROUP BY grp ORDER BY {order} LIMIT %s OFFSET %s),"
        " r AS (SELECT m.*, g.best, g.gdate, g.members, g.groups, ROW_NUMBER() OVER ("
        " PARTITION BY m.grp ORDER BY CASE WHEN m.key = m.grp THEN 0 ELSE 1 END,"
        f" m.score {ranked.direction}, m.id) AS rn FROM m JOIN g ON g.grp = m.grp)"
        f" SELECT {HIT_COLUMNS}, r.members, r.groups FROM r JOIN search_searchentry e"
        f" ON e.id = r.id WHERE r.rn <= {1 + GROUP_CHILDREN} ORDER BY {outer}, r.rn",
        ranked.score_params + params + [request.per_page, request.offset],
    )
    return [
        (dict(zip(COLUMNS, row[:-2], strict=True)), row[-2], row[-1]) for row in cursor.fetchall()
    ]


def _group_order(direction, by_date, table=""):
    order = f"{table}best {direction}, {table}grp"
    return f"{table}gdate DESC NULLS LAST, {order}" if by_date else order


def _count_groups(cursor, ranked, where_sql, params):
    cursor.execute(f"SELECT COUNT(DISTINCT {GROUP}) FROM {ranked.source} WHERE {where_sql}", params)
    return cursor.fetchone()[0]
