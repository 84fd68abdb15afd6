"""The embedded engine: the index lives in the site's own database.

SQLite: FTS5 (bm25 with column weights, prefix and phrase queries).
PostgreSQL: tsvector with weights A/B/C, GIN index, ts_rank.
Both read and write SearchEntry through the default connection, so index changes
commit or roll back with the data that caused them.
"""

import sqlite3
import time
from datetime import date

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from cms.db import insert_many
from vietnamese.folding import fold

from ..models import SearchEntry
from . import embedded_facets, orm_aggregate
from . import embedded_page as page
from .base import (
    SearchEngine,
    SearchRequest,
    SearchResults,
    grouped_hits,
    index_columns,
    page_hits,
)
from .embedded_rank import PostgresDialect, Ranked, SQLiteDialect, _Dialect
from .visibility import visibility_sql

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

    def replace(self, items_by_source):
        """One DELETE per BATCH sources (and per BATCH keys: an item may move to
        another source) and 500-row INSERTs, instead of a delete and an insert per
        source."""
        sources = list(items_by_source)
        docs = [doc for items in items_by_source.values() for doc in items]
        keys = [doc["key"] for doc in docs]
        with transaction.atomic():
            for start in range(0, len(sources), BATCH):
                SearchEntry.objects.filter(source__in=sources[start : start + BATCH]).delete()
            for start in range(0, len(keys), BATCH):
                SearchEntry.objects.filter(key__in=keys[start : start + BATCH]).delete()
            insert_entries(docs)

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
            if name in ("kind", "parent"):
                where.append(f"e.{name} IN ({', '.join(['%s'] * len(values))})")
                params.extend(str(v) for v in values)
            else:
                sql, facet_params = embedded_facets.filter_sql(connection.vendor, name, values)
                where.append(sql)
                params.extend(facet_params)
        return where, params

    def search(self, request: SearchRequest, timings: dict | None = None) -> SearchResults:
        """The page of results; `timings`, when given, gets the seconds of each phase
        ("query": the SQL, "facets": reading the facet rows, "snippets": the hits with
        their highlighted passages), for the benchmark."""
        parsed = request.query
        results = SearchResults(page=request.page, per_page=request.per_page)
        if parsed.empty and not any(request.filters.values()):
            return results
        where, params = self._filters(request)
        if parsed.empty:
            ranked = Ranked("search_searchentry e", "", [], "0", [], "ASC")
        else:
            ranked = self.dialect.ranked(parsed)
            where.insert(0, ranked.match_sql)
        where_sql = " AND ".join(where) or "1=1"
        all_params = ranked.match_params + params
        by_date = request.sort == "date" or parsed.empty
        clock = _Clock(timings)
        with connection.cursor() as cursor:
            if request.grouped:
                rows, facet_rows = page.grouped_page(
                    cursor, ranked, where_sql, all_params, request, by_date
                )
            else:
                facet_rows = page.facet_rows(cursor, ranked.source, where_sql, all_params)
            clock.lap("query")
            results.total, results.facets = embedded_facets.counted(facet_rows)
            results.count = results.total
            clock.lap("facets")
            if not results.total:
                return results
            if request.grouped:
                results.count = (
                    rows[0][2] if rows else page.count_groups(cursor, ranked, where_sql, all_params)
                )
                clock.lap("query")
                results.hits = grouped_hits(((doc, n) for doc, n, _g in rows), parsed)
            elif request.offset < results.total:
                docs = page.flat_page(cursor, ranked, where_sql, all_params, request, by_date)
                clock.lap("query")
                results.hits = page_hits(docs, parsed)
            clock.lap("snippets")
        return results

    def aggregate(self, bound, types):
        """A declared aggregation, bound to its parameters, by one ORM query."""
        return orm_aggregate.run(bound, types)


class _Clock:
    """Adds the seconds since the last lap to `timings[phase]` (nothing when None)."""

    def __init__(self, timings):
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, phase):
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[phase] = self.timings.get(phase, 0.0) + now - self.last
            self.last = now
