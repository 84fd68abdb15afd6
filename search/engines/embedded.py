"""The embedded engine: the index lives in the site's own database.

SQLite: FTS5 (bm25 with column weights, prefix and phrase queries).
PostgreSQL: tsvector with weights A/B/C, GIN index, ts_rank.
Both read and write SearchEntry through the default connection, so index changes
commit or roll back with the data that caused them.
"""

from collections import Counter
from datetime import date

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from cms.db import insert_many

from ..models import FACETS, SearchEntry
from ..query import ParsedQuery
from .base import (
    SearchEngine,
    SearchRequest,
    SearchResults,
    facet_list,
    index_columns,
    make_hit,
)
from .visibility import visibility_sql

FACET_COLUMNS = ["kind"] + [f"facet_{name}" for name in FACETS]
HIT_COLUMNS = "e.key, e.kind, e.title, e.number, e.url, e.body, e.date, e.in_force"
IN_FORCE_BOOST = 1.5
EXACT_BOOST = 3.0
NUMBER_EXACT_BOOST = 3.0
NUMBER_PREFIX_BOOST = 2.0
DOCUMENT_BOOST = 2.0
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
    return insert_many(SearchEntry, _INSERT_COLUMNS, rows)


_INSERT_COLUMNS = [
    f.column for f in SearchEntry._meta.concrete_fields if not f.primary_key and not f.generated
]


def _fold_number(number: str) -> str:
    from ..text import fold

    return fold(number)[:120]


class _Dialect:
    """How one database vendor matches and ranks."""

    def match(self, parsed: ParsedQuery):
        """(FROM/JOIN sql, WHERE sql, params, score sql, score params)."""
        raise NotImplementedError


class SQLiteDialect(_Dialect):
    ALL = "{idx_number idx_title idx_body}"
    TEXT = "{idx_title idx_body}"

    def expression(self, parsed: ParsedQuery) -> str:
        parts = []
        for i, term in enumerate(parsed.terms):
            star = "*" if parsed.prefix_last and i == len(parsed.terms) - 1 else ""
            parts.append(f'{self.ALL} : "{term}"{star}')
        for phrase in parsed.phrases:
            parts.append(f'{self.TEXT} : "{" ".join(phrase)}"')
        for number in parsed.numbers:
            parts.append(f'{self.ALL} : "{" ".join(number.tokens)}"*')
        return " AND ".join(parts)

    def ranked(self, parsed: ParsedQuery):
        params = [self.expression(parsed)]
        score = f"bm25(search_fts, 10.0, 4.0, 1.0, 0.0) * {_in_force_factor()}"
        score_params = []
        if parsed.exact:
            exact = " AND ".join(f'"{w}"' for w in parsed.exact)
            score += (
                f" * (CASE WHEN e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
                f" THEN {EXACT_BOOST} ELSE 1.0 END)"
            )
            score_params.append(f"{{idx_exact}} : ({exact})")
        score, score_params = _number_factor(parsed, score, score_params)
        return (
            "search_fts JOIN search_searchentry e ON e.id = search_fts.rowid",
            "search_fts MATCH %s",
            params,
            score,
            score_params,
            "ASC",  # bm25: lower is better
        )


class PostgresDialect(_Dialect):
    def tsquery(self, parsed: ParsedQuery) -> str:
        parts = []
        for i, term in enumerate(parsed.terms):
            star = ":*" if parsed.prefix_last and i == len(parsed.terms) - 1 else ""
            parts.append(f"'{term}'{star}")
        for phrase in parsed.phrases:
            parts.append("(" + " <-> ".join(f"'{w}'" for w in phrase) + ")")
        for number in parsed.numbers:
            words = [f"'{w}'" for w in number.tokens]
            words[-1] += ":*"
            parts.append("(" + " <-> ".join(words) + ")")
        return " & ".join(parts)

    def ranked(self, parsed: ParsedQuery):
        params = [self.tsquery(parsed)]
        weights = "{0.05, 0.2, 0.6, 1.0}"  # D, C (body), B (title), A (number)
        score = f"ts_rank('{weights}', e.fts, to_tsquery('simple', %s)) * {_in_force_factor()}"
        score_params = [params[0]]
        if parsed.exact:
            exact = " & ".join(f"'{w}'" for w in parsed.exact)
            score += (
                f" * (CASE WHEN e.fts_exact @@ to_tsquery('simple', %s) THEN {EXACT_BOOST}"
                " ELSE 1.0 END)"
            )
            score_params.append(exact)
        score, score_params = _number_factor(parsed, score, score_params)
        return (
            "search_searchentry e",
            "e.fts @@ to_tsquery('simple', %s)",
            params,
            score,
            score_params,
            "DESC",
        )


def _in_force_factor():
    return f"(CASE WHEN e.in_force THEN {IN_FORCE_BOOST} ELSE 1.0 END)"


def _number_factor(parsed, score, params):
    if parsed.numbers:  # a number query: the document itself before its provisions
        score += f" * (CASE WHEN e.kind = 'document' THEN {DOCUMENT_BOOST} ELSE 1.0 END)"
    for number in parsed.numbers:
        score += (
            f" * (CASE WHEN e.number_folded = %s THEN {NUMBER_EXACT_BOOST}"
            f" WHEN substr(e.number_folded, 1, %s) = %s THEN {NUMBER_PREFIX_BOOST} ELSE 1.0 END)"
        )
        params += [number.folded, len(number.folded), number.folded]
    return score, params


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
            column = "e.kind" if name == "kind" else f"e.facet_{name}"
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
            source, match_params, score, score_params, direction = (
                "search_searchentry e",
                [],
                "0",
                [],
                "ASC",
            )
        else:
            source, match_sql, match_params, score, score_params, direction = self.dialect.ranked(
                parsed
            )
            where.insert(0, match_sql)
        where_sql = " AND ".join(where) or "1=1"
        all_params = match_params + params
        facet_sql = (
            f"SELECT {', '.join('e.' + c for c in FACET_COLUMNS)}, COUNT(*) FROM {source}"
            f" WHERE {where_sql} GROUP BY {', '.join('e.' + c for c in FACET_COLUMNS)}"
        )
        if request.sort == "date" or parsed.empty:
            order = f"e.date DESC NULLS LAST, score {direction}, e.id"
        else:
            order = f"score {direction}, e.id"
        page_sql = (
            f"SELECT {HIT_COLUMNS}, {score} AS score FROM {source} WHERE {where_sql}"
            f" ORDER BY {order} LIMIT %s OFFSET %s"
        )
        counters = {name: Counter() for name in FILTERS_ALL}
        with connection.cursor() as cursor:
            cursor.execute(facet_sql, all_params)
            total = 0
            for row in cursor.fetchall():
                n = row[-1]
                total += n
                for name, value in zip(FILTERS_ALL, row[:-1], strict=True):
                    counters[name][value] += n
            results.count = total
            if total and request.offset < total:
                cursor.execute(
                    page_sql, score_params + all_params + [request.per_page, request.offset]
                )
                columns = ["key", "kind", "title", "number", "url", "body", "date", "in_force"]
                for row in cursor.fetchall():
                    doc = dict(zip(columns, row[:-1], strict=True))
                    results.hits.append(make_hit(doc, parsed))
        results.facets = {name: facet_list(c) for name, c in counters.items()}
        return results

    def aggregate(self, name, **params):
        from ..tracking import orm_aggregation

        return orm_aggregation(name)(**params)


FILTERS_ALL = ("kind", *FACETS)
