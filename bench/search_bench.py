"""Search benchmark: `python -m bench search [--quick]` (figures in bench/README.md).

One run, side by side, on a fresh SQLite database in a temporary VAR_DIR:
1. the law corpus (/work/shared/corpus/laws, read with regulations.wordio's
   parser; every provision — Điều, khoản, điểm — is one hit) in the embedded
   engine (SQLite FTS5);
2. 50 fixed queries (25 distinctive article titles, with and without diacritics):
   p50/p95 of the embedded engine (with facets and snippets) vs a raw FTS5 MATCH
   with bm25 ordering on the same index (the floor);
3. Wagtail's own database search backend over the same texts, on a sample of
   the queries with a per-query timeout;
4. recall@10 of the diacritic-free queries (is the target article in the top 10?);
5. on a real Elasticsearch node (bench/es_node.py) holding the same provision hits: the
   same queries through the engine vs a raw bool/multi_match of their terms (the floor),
   and indexing throughput of the engine (rebuild, outbox) vs raw helpers.bulk;
6. tracking aggregation latency (50,000 tasks across 40 units) on both engines.
"""

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.search_phases import embedded_phases, phase_lines

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("LAW_CORPUS", "/work/shared/corpus/laws"))
CACHE = ROOT / "var" / "bench" / "search_corpus.json.gz"


def setup_django(var_dir):
    sys.path.insert(0, str(ROOT))
    os.environ["VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    if os.environ.get("ELASTICSEARCH_URL"):  # the node for step 5, not the app's engine
        os.environ.setdefault("BENCH_ELASTICSEARCH_URL", os.environ["ELASTICSEARCH_URL"])
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def ms(values):
    return f"p50 {pct(values, 50) * 1000:7.1f} ms  p95 {pct(values, 95) * 1000:7.1f} ms"


# -- corpus ---------------------------------------------------------------------------
def read_corpus(limit_files=None):
    """[{doc, number, title, type, year, provisions: [[level, number, heading, text]]}]."""
    if CACHE.exists() and not limit_files:
        with gzip.open(CACHE, "rt", encoding="utf-8") as f:
            return json.load(f)
    from regulations.wordio.importer.pipeline import parse_docx

    files = sorted(CORPUS.glob("*.docx"))[:limit_files]
    docs = []
    for i, path in enumerate(files):
        try:
            parsed = parse_docx(path.read_bytes())
        except Exception as exc:  # noqa: BLE001 - a refused file is reported, not fatal
            print(f"  skip {path.name}: {exc}", file=sys.stderr)
            continue
        header = parsed.header
        number = header.number.text if header.number else ""
        title = " ".join(p for p in (header.type_name, header.summary) if p) or path.stem
        provisions = [
            [str(p.level), p.number or "", p.title or "", p.text or ""]
            for p in parsed.outline.provisions
        ]
        docs.append(
            {
                "doc": i,
                "file": path.name,
                "number": number,
                "title": title[:300],
                "type": header.type_name or "",
                "year": str(header.number.year if header.number and header.number.year else ""),
                "provisions": provisions,
            }
        )
        if (i + 1) % 20 == 0:
            print(f"  parsed {i + 1}/{len(files)} files", file=sys.stderr)
    if not limit_files:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(CACHE, "wt", encoding="utf-8") as f:
            json.dump(docs, f, ensure_ascii=False)
    return docs


def corpus_docs(corpus):
    """Search documents (dicts as engines take them), one per provision with text.

    Key: provision:<doc>:<article>:<seq>; the article's heading is in every title
    under it ("Điều 5. Phạm vi điều chỉnh – Luật …").
    """
    from search.engines.base import item_to_doc
    from search.registry import SearchItem

    out, articles = [], {}
    for d in corpus:
        article, heading, seq = "0", "", 0
        for level, number, title, text in d["provisions"]:
            if level == "dieu":
                article, heading = number, f"Điều {number}. {title}".strip()
                articles.setdefault((d["doc"], article), title)
            if not (text or title):
                continue
            seq += 1
            body = text if level != "dieu" else "\n".join(p for p in (title, text) if p)
            item = SearchItem(
                kind="provision",
                key=f"provision:{d['doc']}:{article}:{seq}",
                title=f"{heading} – {d['title']}"[:480] if heading else d["title"][:480],
                url=f"/van-ban/{d['doc']}/#dieu-{article}",
                number=d["number"],
                body=body,
                facets={"type": d["type"], "year": d["year"]},
            )
            out.append(item_to_doc(item, f"bench:{d['doc']}"))
    return out, articles


def pick_queries(articles, n=25, seed=2017):
    """n distinctive article titles (4–8 words, unique when folded) → 2n queries."""
    from vietnamese.folding import fold, tokens

    counts = {}
    for title in articles.values():
        counts[fold(title)] = counts.get(fold(title), 0) + 1
    candidates = sorted(
        {
            (doc, art): title
            for (doc, art), title in articles.items()
            if 4 <= len(tokens(title)) <= 8 and counts[fold(title)] == 1 and fold(title) != title
        }.items()
    )
    rng = random.Random(seed)
    chosen = rng.sample(candidates, min(n, len(candidates)))
    with_marks = [(title, f"provision:{doc}:{art}:") for (doc, art), title in chosen]
    without = [(fold(title), target) for title, target in with_marks]
    return with_marks, without


# -- timing helpers -----------------------------------------------------------------------
def time_queries(fn, queries, repeat=3):
    times, tops = [], {}
    for q, _target in queries:
        best = None
        for _ in range(repeat):
            t = time.perf_counter()
            keys = fn(q)
            elapsed = time.perf_counter() - t
            best = elapsed if best is None else min(best, elapsed)
        times.append(best)
        tops[q] = keys
    return times, tops


def recall(tops, queries):
    found = sum(1 for q, target in queries if any(k.startswith(target) for k in tops.get(q, [])))
    return found, len(queries)


# -- embedded engine ----------------------------------------------------------------------
def bench_embedded(docs, queries):
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
            cursor.execute(
                "SELECT e.key FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
                " WHERE search_fts MATCH %s"
                " ORDER BY bm25(search_fts, 10.0, 4.0, 1.0, 0.0) LIMIT 10",
                [expression],
            )
            return [r[0] for r in cursor.fetchall()]

    ours(queries[0][0])  # warm the page cache
    our_times, our_tops = time_queries(ours, queries)
    raw_times, _ = time_queries(raw, queries)
    phases = embedded_phases(engine, queries)
    return engine, our_times, our_tops, raw_times, phases


# -- Wagtail's database backend -------------------------------------------------------------
def bench_wagtail(docs, sample, timeout, recall_queries):
    """Index the same texts as LegalDocument rows (title + summary) and search them."""
    from django.db import connection
    from django.db.utils import OperationalError
    from wagtail.search.backends import get_search_backend

    from regulations.documents.models import DocumentKind, DocumentType, LegalDocument

    dt, _ = DocumentType.objects.get_or_create(
        name="Luật", defaults={"abbreviation": "", "default_kind": DocumentKind.NORMATIVE}
    )
    t = time.perf_counter()
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
    slug_to_key = {f"b{i}": d["key"] for i, d in enumerate(docs)}
    backend = get_search_backend()
    index = backend.get_index_for_model(LegalDocument)
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

    # Recall on a small index first (only the target articles' rows, like the
    # issue's 30-title test), where Wagtail answers without timing out.
    targets = tuple(target for _q, target in recall_queries)
    small = [f"b{i}" for i, d in enumerate(docs) if d["key"].startswith(targets)]
    index.add_items(LegalDocument, list(LegalDocument.objects.filter(slug__in=small)))
    small_tops = {q: search(q) or [] for q, _target in recall_queries}
    small_recall = recall(small_tops, recall_queries)
    print(f"  wagtail small index ({len(small)} rows): recall {small_recall}", flush=True)
    qs = LegalDocument.objects.filter(slug__startswith="b").exclude(slug__in=small)
    batch = []
    for obj in qs.iterator(chunk_size=2000):
        batch.append(obj)
        if len(batch) == 2000:
            index.add_items(LegalDocument, batch)
            batch = []
    if batch:
        index.add_items(LegalDocument, batch)
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


# -- tracking aggregations ------------------------------------------------------------------
def bench_tracking(n_tasks, n_units, repeat, with_es=True):
    from bench.es_node import ElasticsearchNode
    from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
    from regulations.organisation.models import Unit, UnitKind
    from regulations.planning.choices import TaskStatus
    from regulations.planning.models import Plan, PlanTask
    from regulations.planning.services import tracking as orm
    from search.engines import set_engine
    from search.engines.elastic import ElasticsearchEngine
    from search.engines.embedded import EmbeddedEngine
    from search.sources import docs_for

    rng = random.Random(50)
    dt, _ = DocumentType.objects.get_or_create(
        name="Kế hoạch", defaults={"abbreviation": "KH", "default_kind": DocumentKind.PLAN}
    )
    doc = LegalDocument.objects.create(
        kind=DocumentKind.PLAN,
        document_type=dt,
        number_symbol="572/KH-STTTT",
        title="Năm kỷ cương hành chính 2017",
        issued_date=date(2017, 3, 31),
    )
    plan = Plan.objects.create(document=doc)
    units = Unit.objects.bulk_create(
        [
            Unit(name=f"Đơn vị {i}", code=f"bench-{i}", kind=UnitKind.DIVISION, sort_order=i)
            for i in range(n_units)
        ]
    )
    statuses = list(TaskStatus.values)
    tasks = []
    for i in range(n_tasks):
        status = rng.choice(statuses)
        deadline = date(2017, 4, 1) + timedelta(days=rng.randint(0, 270))
        completed = (
            deadline + timedelta(days=rng.randint(-30, 20)) if status == TaskStatus.DONE else None
        )
        tasks.append(
            PlanTask(
                plan=plan,
                number=str(i),
                title=f"Nhiệm vụ {i}",
                lead_unit=units[i % n_units],
                deadline=deadline,
                status=status,
                completed_on=completed,
            )
        )
    PlanTask.objects.bulk_create(tasks, batch_size=2000)
    today = date(2017, 9, 15)
    params = {"plan_id": plan.pk, "today": today}

    def timed(fn):
        fn()  # warm-up, as for the queries
        out = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return out

    set_engine(EmbeddedEngine())
    orm_times = timed(lambda: orm.task_tracking(**params))
    orm_month = timed(lambda: orm.completions_by_month(plan_id=plan.pk))
    embedded_rows = orm.task_tracking(**params), orm.completions_by_month(plan_id=plan.pk)
    if not with_es:
        return orm_times, orm_month, [], [], None
    cluster = ElasticsearchNode()
    try:
        from elasticsearch import Elasticsearch

        engine = ElasticsearchEngine(Elasticsearch(cluster.url, request_timeout=120), "benchtask")
        task_docs = [
            d
            for t in PlanTask.objects.select_related("plan__document", "lead_unit").iterator(
                chunk_size=2000
            )
            for d in docs_for(t)
        ]
        engine.rebuild(iter(task_docs), total=len(task_docs))
        set_engine(engine)
        es_times = timed(lambda: orm.task_tracking(**params))
        es_month = timed(lambda: orm.completions_by_month(plan_id=plan.pk))
        same = orm.task_tracking(**params) == embedded_rows[0]
        same_month = orm.completions_by_month(plan_id=plan.pk) == embedded_rows[1]
    finally:
        set_engine(None)
        cluster.close()
    return orm_times, orm_month, es_times, es_month, same and same_month


def tracking_only(args):
    with tempfile.TemporaryDirectory(prefix="bench-tracking-") as var_dir:
        setup_django(var_dir)
        orm_t, orm_m, _es_t, _es_m, _ = bench_tracking(
            args.tasks, args.units, args.repeat, with_es=False
        )
    print(f"tracking, {args.tasks} tasks / {args.units} units, {args.repeat} runs, embedded:")
    print(f"  task_tracking:     {ms(orm_t)}")
    print(f"  completions/month: {ms(orm_m)}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench search", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 files, 5,000 tasks")
    parser.add_argument("--files", type=int, default=None, help="only the first N .docx files")
    parser.add_argument("--wagtail-sample", type=int, default=10, help="queries timed on Wagtail")
    parser.add_argument("--wagtail-timeout", type=float, default=10.0, help="seconds per query")
    parser.add_argument("--es-docs", type=int, default=0, help="documents on ES (0: all)")
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=10, help="runs per aggregation")
    parser.add_argument(
        "--embedded-only",
        action="store_true",
        help="stop after the embedded engine's latency and phases (no Wagtail, no node)",
    )
    parser.add_argument(
        "--tracking-only",
        action="store_true",
        help="only the tracking aggregations on the embedded engine (no corpus, no node)",
    )
    args = parser.parse_args(argv)
    if args.tracking_only:
        return tracking_only(args)
    if args.quick:
        args.files, args.tasks, args.es_docs = args.files or 20, 5_000, 5_000
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as var_dir:
        setup_django(var_dir)
        import search.engines.elastic  # noqa: F401 - load every engine module up front
        import search.engines.elastic_aggregate  # noqa: F401

        t = time.perf_counter()
        corpus = read_corpus(args.files)
        docs, articles = corpus_docs(corpus)
        print(
            f"corpus: {len(corpus)} files, {len(articles)} articles, {len(docs)} provision hits"
            f" (read in {time.perf_counter() - t:.1f} s)"
        )
        with_marks, without = pick_queries(articles)
        queries = with_marks + without

        engine, our_t, our_tops, raw_t, phases = bench_embedded(docs, queries)
        p95_ours, p95_raw = pct(our_t, 95), pct(raw_t, 95)
        our_recall = recall(our_tops, without)
        print(f"  embedded {ms(our_t)} | raw {ms(raw_t)} | recall {our_recall}", flush=True)
        print("\n".join(phase_lines(phases, pct)), flush=True)
        if args.embedded_only:
            print(f"  ratio p95 embedded/raw: {p95_ours / p95_raw:.2f}x", flush=True)
            return 0

        half = max(1, args.wagtail_sample // 2)
        sample = with_marks[:half] + without[:half]
        wt_t, wt_tops, timeouts, _wbuild, wt_small, n_small = bench_wagtail(
            docs, sample, args.wagtail_timeout, without
        )
        wt_recall = recall(wt_tops, without[:half])
        our_sample_t = [our_t[queries.index(q)] for q in sample]
        print(f"  wagtail {ms(wt_t)} timeouts {timeouts} recall {wt_recall}", flush=True)

        es_docs = docs[: args.es_docs] if args.es_docs else docs
        from bench.es_search import bench_es

        rates, es_count, es_search_t, es_raw_t, es_tops = bench_es(es_docs, queries)
        raw_rate, engine_rate, outbox_rate = rates
        es_recall = recall(es_tops, without)
        print(f"  es {ms(es_search_t)} | raw {ms(es_raw_t)} | recall {es_recall}", flush=True)

        orm_t, orm_m, es_t, es_m, agree = bench_tracking(args.tasks, args.units, args.repeat)

        lines = [
            "",
            f"== Search benchmark ({len(docs)} provision hits, {len(queries)} queries) ==",
            f"embedded (SQLite FTS5, facets+snippets): {ms(our_t)}",
            f"raw FTS5 MATCH + bm25 (floor):            {ms(raw_t)}",
            f"  ratio p95 embedded/raw: {p95_ours / p95_raw:.2f}x",
            *phase_lines(phases, pct),
            f"Wagtail database backend, {len(sample)} sampled queries, timeout "
            f"{args.wagtail_timeout:.0f} s ({timeouts} timed out): {ms(wt_t)}",
            f"  embedded on the same sample:            {ms(our_sample_t)}",
            f"  ratio p95 wagtail/embedded: {pct(wt_t, 95) / pct(our_sample_t, 95):.0f}x",
            f"recall@10, diacritic-free queries: ours {our_recall[0]}/{our_recall[1]}"
            f" ({100 * our_recall[0] / our_recall[1]:.0f}%), wagtail {wt_recall[0]}/{wt_recall[1]}"
            f" ({100 * wt_recall[0] / max(wt_recall[1], 1):.0f}%, timeouts count as misses);"
            f" wagtail on a small index of the {n_small} target rows:"
            f" {wt_small[0]}/{wt_small[1]} ({100 * wt_small[0] / max(wt_small[1], 1):.0f}%)",
            f"Elasticsearch engine (real node, {es_count} provision hits), facets+highlights:"
            f" {ms(es_search_t)}",
            f"raw Elasticsearch bool/multi_match, size 10 (floor):  {ms(es_raw_t)}",
            f"  ratio p95 engine/raw: {pct(es_search_t, 95) / pct(es_raw_t, 95):.1f}x;"
            f" recall@10 diacritic-free {es_recall[0]}/{es_recall[1]}",
            f"Elasticsearch engine (real node) indexing, {len(es_docs)} docs:",
            f"  raw bulk:       {raw_rate:8.0f} docs/s",
            f"  engine rebuild: {engine_rate:8.0f} docs/s  ratio {engine_rate / raw_rate:.2f}",
            f"  engine outbox:  {outbox_rate:8.0f} docs/s  ratio {outbox_rate / raw_rate:.2f}"
            f"  (index holds {es_count})",
            f"tracking, {args.tasks} tasks / {args.units} units, {args.repeat} runs:",
            f"  task_tracking  embedded (ORM): {ms(orm_t)}   Elasticsearch: {ms(es_t)}",
            f"  completions/month embedded:    {ms(orm_m)}   Elasticsearch: {ms(es_m)}",
            f"  identical results on both engines: {'yes' if agree else 'NO'}",
            f"total run time {time.perf_counter() - started:.0f} s",
        ]
        print("\n".join(lines), flush=True)
        results = ROOT / "bench" / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "search.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
