"""The search benchmark's in-database steps (`python -m bench search`, steps 1–4).

The embedded engine (SQLite FTS5) over the provision hits vs a raw FTS5 MATCH with bm25
ordering on the same index (the floor), with its phases (bench/search_phases.py); then
Wagtail's own database search backend over the same texts, as LegalDocument rows, on a
sample of the queries with a per-query timeout, and its recall on a small index.
"""

import time

from bench.search_phases import embedded_phases, phase_lines
from bench.search_stats import ms, pct, recall, time_queries

#: The floor: FTS5's MATCH ordered by bm25 (the engine's column weights), first 10 keys.
RAW_FTS5 = (
    "SELECT e.key FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
    " WHERE search_fts MATCH %s"
    " ORDER BY bm25(search_fts, 10.0, 4.0, 1.0, 0.0) LIMIT 10"
)


def embedded_step(docs, queries, recall_queries):
    """Steps 1, 2 and 4 as the report reads them: bench_embedded, recall@10 of
    `recall_queries`. {"times", "raw", "recall", "phases"} (seconds per query)."""
    _engine, times, tops, raw_times, phases = bench_embedded(docs, queries)
    our_recall = recall(tops, recall_queries)
    print(f"  embedded {ms(times)} | raw {ms(raw_times)} | recall {our_recall}", flush=True)
    print("\n".join(phase_lines(phases, pct)), flush=True)
    return {"times": times, "raw": raw_times, "recall": our_recall, "phases": phases}


def wagtail_step(docs, queries, embedded_times, sample_size, timeout):
    """Step 3 as the report reads it: bench_wagtail on sample_size queries (half with
    diacritics, half without), their embedded times, recall of the sampled queries.

    `queries` is (with marks, without) as pick_queries returns them; `embedded_times`
    are per query of with marks + without. {"sample", "times", "timeouts", "recall",
    "small_recall", "small_rows", "embedded_times"}.
    """
    with_marks, without = queries
    half = max(1, sample_size // 2)
    sample = with_marks[:half] + without[:half]
    times, tops, timeouts, _build, small_recall, small_rows = bench_wagtail(
        docs, sample, timeout, without
    )
    wt_recall = recall(tops, without[:half])
    every = with_marks + without
    sample_times = [embedded_times[every.index(q)] for q in sample]
    print(f"  wagtail {ms(times)} timeouts {timeouts} recall {wt_recall}", flush=True)
    return {
        "sample": sample,
        "times": times,
        "timeouts": timeouts,
        "recall": wt_recall,
        "small_recall": small_recall,
        "small_rows": small_rows,
        "embedded_times": sample_times,
    }


def bench_embedded(docs, queries):
    """Index `docs` in the embedded engine, then time the queries through it and raw.

    Returns (engine, our times, our top keys per query, raw times, phases).
    """
    # Django and the engine: imported once setup_django() has run.
    from django.db import connection

    from search.engines.base import SearchRequest
    from search.engines.embedded import EmbeddedEngine, SQLiteDialect
    from search.query import parse_query

    engine = EmbeddedEngine()
    t = time.perf_counter()
    engine.rebuild(iter(docs), total=len(docs))
    build = time.perf_counter() - t
    print(f"embedded index: {len(docs)} provisions in {build:.1f} s")

    def ours(q):
        results = engine.search(SearchRequest(query=parse_query(q), per_page=10))
        return [h.key for h in results.hits]

    dialect = SQLiteDialect()

    def raw(q):
        expression = dialect.expression(parse_query(q))
        with connection.cursor() as cursor:
            cursor.execute(RAW_FTS5, [expression])
            return [r[0] for r in cursor.fetchall()]

    ours(queries[0][0])  # warm the page cache
    our_times, our_tops = time_queries(ours, queries)
    raw_times, _ = time_queries(raw, queries)
    phases = embedded_phases(engine, queries)
    return engine, our_times, our_tops, raw_times, phases


def bench_wagtail(docs, sample, timeout, recall_queries):
    """Index the same texts as LegalDocument rows (title + summary) and search them.

    Returns (times, top keys per query, timeouts, build seconds, small-index recall,
    small-index rows).
    """
    # Wagtail's backend and the models: imported once setup_django() has run.
    from wagtail.search.backends import get_search_backend

    from regulations.documents.models import LegalDocument

    t = time.perf_counter()
    slug_to_key = _wagtail_rows(docs)
    backend = get_search_backend()
    index = backend.get_index_for_model(LegalDocument)
    search = _wagtail_searcher(backend, slug_to_key, timeout)

    # Recall on a small index first (only the target articles' rows, like the
    # issue's 30-title test), where Wagtail answers without timing out.
    targets = tuple(target for _q, target in recall_queries)
    small = [f"b{i}" for i, d in enumerate(docs) if d["key"].startswith(targets)]
    index.add_items(LegalDocument, list(LegalDocument.objects.filter(slug__in=small)))
    small_tops = {q: search(q) or [] for q, _target in recall_queries}
    small_recall = recall(small_tops, recall_queries)
    print(f"  wagtail small index ({len(small)} rows): recall {small_recall}", flush=True)
    _index_in_batches(
        index, LegalDocument.objects.filter(slug__startswith="b").exclude(slug__in=small)
    )
    build = time.perf_counter() - t
    print(f"wagtail database backend index: {len(docs)} rows in {build:.1f} s")

    times, tops, timeouts = [], {}, 0
    for q, _target in sample:
        t = time.perf_counter()
        keys = search(q)
        elapsed = time.perf_counter() - t
        if keys is None:
            timeouts += 1
            times.append(timeout)
            tops[q] = []
        else:
            times.append(elapsed)
            tops[q] = keys
    return times, tops, timeouts, build, small_recall, len(small)


def _wagtail_rows(docs):
    """One live normative LegalDocument per search document (slug b<i>): {slug: key}."""
    from regulations.documents.models import DocumentKind, DocumentType, LegalDocument

    dt, _ = DocumentType.objects.get_or_create(
        name="Luật", defaults={"abbreviation": "", "default_kind": DocumentKind.NORMATIVE}
    )
    rows = [
        LegalDocument(
            kind=DocumentKind.NORMATIVE,
            document_type=dt,
            title=d["title"][:500],
            summary=d["body"],
            slug=f"b{i}",
            live=True,
        )
        for i, d in enumerate(docs)
    ]
    LegalDocument.objects.bulk_create(rows, batch_size=2000)
    return {f"b{i}": d["key"] for i, d in enumerate(docs)}


def _wagtail_searcher(backend, slug_to_key, timeout):
    """search(q) → the first 10 keys through Wagtail's backend, or None past `timeout`
    seconds (SQLite's progress handler interrupts the statement)."""
    from django.db import connection
    from django.db.utils import OperationalError

    from regulations.documents.models import LegalDocument

    raw = connection.connection

    def search(q):
        deadline = time.perf_counter() + timeout
        raw.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 20_000)
        try:
            hits = list(backend.search(q, LegalDocument)[:10])
        except OperationalError:
            return None
        finally:
            raw.set_progress_handler(None, 0)
        return [slug_to_key.get(h.slug, "") for h in hits]

    return search


def _index_in_batches(index, queryset, size=2000):
    """Add the queryset's rows to Wagtail's index, `size` at a time."""
    batch = []
    for obj in queryset.iterator(chunk_size=size):
        batch.append(obj)
        if len(batch) == size:
            index.add_items(queryset.model, batch)
            batch = []
    if batch:
        index.add_items(queryset.model, batch)
