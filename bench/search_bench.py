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
import sys
import tempfile
import time
from pathlib import Path

from bench.embedded_search import embedded_step, wagtail_step
from bench.es_search import es_step
from bench.search_corpus import corpus_docs, pick_queries, read_corpus
from bench.search_phases import phase_lines
from bench.search_setup import setup_django
from bench.search_stats import ms, pct
from bench.tracking_bench import bench_tracking, tracking_only

ROOT = Path(__file__).resolve().parent.parent


def _parser():
    """The command line (--help prints this module's docstring)."""
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
    return parser


def main(argv=None):
    """Run the steps of the module's docstring in order, print the report and keep it in
    bench/results/search.txt (--embedded-only and --tracking-only stop earlier)."""
    args = _parser().parse_args(argv)
    if args.tracking_only:
        return tracking_only(args)
    if args.quick:
        args.files, args.tasks, args.es_docs = args.files or 20, 5_000, 5_000
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as var_dir:
        setup_django(var_dir)
        import search.engines.elastic  # noqa: F401 - load every engine module up front
        import search.engines.elastic_aggregate  # noqa: F401

        docs, (with_marks, without) = _corpus_and_queries(args.files)
        queries = with_marks + without
        embedded = embedded_step(docs, queries, without)
        if args.embedded_only:
            print(f"  ratio p95 embedded/raw: {_ratio95(embedded):.2f}x", flush=True)
            return 0
        wagtail = wagtail_step(
            docs,
            (with_marks, without),
            embedded["times"],
            args.wagtail_sample,
            args.wagtail_timeout,
        )
        es = es_step(docs[: args.es_docs] if args.es_docs else docs, queries, without)
        tracking = bench_tracking(args.tasks, args.units, args.repeat)
        lines = [
            "",
            f"== Search benchmark ({len(docs)} provision hits, {len(queries)} queries) ==",
            *_embedded_lines(embedded),
            *_wagtail_lines(wagtail, embedded, args.wagtail_timeout),
            *_es_lines(es),
            *_tracking_lines(tracking, args),
            f"total run time {time.perf_counter() - started:.0f} s",
        ]
        print("\n".join(lines), flush=True)
        results = ROOT / "bench" / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "search.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def _corpus_and_queries(files):
    """The provision hits of the corpus (its first `files` files) and the queries, with
    diacritics and without, as pick_queries returns them; prints the corpus line."""
    t = time.perf_counter()
    corpus = read_corpus(files)
    docs, articles = corpus_docs(corpus)
    print(
        f"corpus: {len(corpus)} files, {len(articles)} articles, {len(docs)} provision hits"
        f" (read in {time.perf_counter() - t:.1f} s)"
    )
    return docs, pick_queries(articles)


def _ratio95(embedded):
    """p95 of the embedded engine over p95 of its floor (raw FTS5 MATCH + bm25)."""
    return pct(embedded["times"], 95) / pct(embedded["raw"], 95)


def _embedded_lines(embedded):
    """The report's lines for steps 1–2: embedded vs its floor, then by phase."""
    return [
        f"embedded (SQLite FTS5, facets+snippets): {ms(embedded['times'])}",
        f"raw FTS5 MATCH + bm25 (floor):            {ms(embedded['raw'])}",
        f"  ratio p95 embedded/raw: {_ratio95(embedded):.2f}x",
        *phase_lines(embedded["phases"], pct),
    ]


def _share(found_asked):
    """(found, asked) as a whole percentage (0 when nothing was asked)."""
    found, asked = found_asked
    return f"{100 * found / max(asked, 1):.0f}%"


def _wagtail_lines(wagtail, embedded, timeout):
    """The report's lines for steps 3–4: Wagtail vs embedded on the sample, recall@10."""
    wt_t, our_sample_t = wagtail["times"], wagtail["embedded_times"]
    ours, theirs, small = embedded["recall"], wagtail["recall"], wagtail["small_recall"]
    return [
        f"Wagtail database backend, {len(wagtail['sample'])} sampled queries, timeout "
        f"{timeout:.0f} s ({wagtail['timeouts']} timed out): {ms(wt_t)}",
        f"  embedded on the same sample:            {ms(our_sample_t)}",
        f"  ratio p95 wagtail/embedded: {pct(wt_t, 95) / pct(our_sample_t, 95):.0f}x",
        f"recall@10, diacritic-free queries: ours {ours[0]}/{ours[1]}"
        f" ({100 * ours[0] / ours[1]:.0f}%), wagtail {theirs[0]}/{theirs[1]}"
        f" ({_share(theirs)}, timeouts count as misses);"
        f" wagtail on a small index of the {wagtail['small_rows']} target rows:"
        f" {small[0]}/{small[1]} ({_share(small)})",
    ]


def _es_lines(es):
    """The report's lines for step 5: search vs its floor, indexing vs raw bulk."""
    raw_rate, engine_rate, outbox_rate = es["raw_rate"], es["engine_rate"], es["outbox_rate"]
    return [
        f"Elasticsearch engine (real node, {es['count']} provision hits), facets+highlights:"
        f" {ms(es['times'])}",
        f"raw Elasticsearch bool/multi_match, size 10 (floor):  {ms(es['raw'])}",
        f"  ratio p95 engine/raw: {pct(es['times'], 95) / pct(es['raw'], 95):.1f}x;"
        f" recall@10 diacritic-free {es['recall'][0]}/{es['recall'][1]}",
        f"Elasticsearch engine (real node) indexing, {es['docs']} docs:",
        f"  raw bulk:       {raw_rate:8.0f} docs/s",
        f"  engine rebuild: {engine_rate:8.0f} docs/s  ratio {engine_rate / raw_rate:.2f}",
        f"  engine outbox:  {outbox_rate:8.0f} docs/s  ratio {outbox_rate / raw_rate:.2f}"
        f"  (index holds {es['count']})",
    ]


def _tracking_lines(tracking, args):
    """The report's lines for step 6: both engines' aggregation times, and agreement."""
    orm_t, orm_m, es_t, es_m, agree = tracking
    return [
        f"tracking, {args.tasks} tasks / {args.units} units, {args.repeat} runs:",
        f"  task_tracking  embedded (ORM): {ms(orm_t)}   Elasticsearch: {ms(es_t)}",
        f"  completions/month embedded:    {ms(orm_m)}   Elasticsearch: {ms(es_m)}",
        f"  identical results on both engines: {'yes' if agree else 'NO'}",
    ]


if __name__ == "__main__":
    sys.exit(main())
