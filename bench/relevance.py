"""Judged relevance: `python -m bench relevance` (figures in bench/README.md).

The judged set (tests/search/judged_queries.tsv, see search/relevance.py) over the demo
data and the corpus laws it names, imported with the Word importer: MRR and success@1
of the embedded engine (on the database the run uses: a fresh SQLite file in a
temporary VAR_DIR, or the PostgreSQL database of DATABASE_URL, which it migrates and
fills) and of the Elasticsearch engine on a real node (ELASTICSEARCH_URL, else
bench/es_node.py starts one), rebuilt from the same database. Lists every query whose
expected result is not first, with its rank.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir):
    sys.path.insert(0, str(ROOT))
    os.environ["VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load_data():
    """The demo and the corpus laws (both idempotent: a law already there is kept)."""
    from django.core.management import call_command

    from regulations.documents.models import LegalDocument
    from regulations.wordio.importer import import_file
    from search.relevance import CORPUS, CORPUS_LAWS
    from search.service import rebuild

    call_command("load_demo", verbosity=0, stderr=open(os.devnull, "w"))  # noqa: SIM115
    for name in CORPUS_LAWS:
        number = name.split("-", 1)[1].replace("-", "/")
        if not LegalDocument.objects.filter(number_symbol=number).exists():
            report = import_file((CORPUS / f"{name}.docx").read_bytes(), f"{name}.docx",
                                 queue_index=False)  # fmt: skip
            if report.status != "ok":
                raise SystemExit(f"{name}: {report.error}")
    rebuild()  # the embedded index, from the database


def report(label, result):
    print(
        f"{label}: {result['queries']} queries, MRR {result['mrr']:.3f},"
        f" success@1 {result['success_at_1']:.3f}"
        f" ({round(result['success_at_1'] * result['queries'])}/{result['queries']})"
    )
    for query, expected, rank in result["misses"]:
        print(f"    {query!r}: {expected} at {rank or '> 20'}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench relevance", description=__doc__)
    parser.add_argument("--no-es", action="store_true", help="the embedded engine only")
    parser.add_argument(
        "--var-dir",
        help="keep the SQLite database here (a second run reuses it) instead of a"
        " temporary directory",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="with --var-dir: the data a previous run loaded"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-relevance-") as var_dir:
        setup_django(args.var_dir or var_dir)
        from django.db import connection

        from search.engines.embedded import EmbeddedEngine
        from search.relevance import load_judged, measure

        judged = load_judged()
        t = time.perf_counter()
        if args.reuse:
            from search.service import rebuild

            rebuild()  # the embedded index, from the database
        else:
            load_data()
        print(f"data ready in {time.perf_counter() - t:.0f} s ({connection.vendor})")
        embedded = EmbeddedEngine()
        report(f"embedded ({embedded.label})", measure(embedded, judged))
        if not args.no_es:
            report(f"Elasticsearch (documents from {connection.vendor})", _elasticsearch(judged))
    return 0


def _elasticsearch(judged):
    from elasticsearch import Elasticsearch

    from bench.es_node import ElasticsearchNode
    from search.engines.elastic import ElasticsearchEngine
    from search.indexing import all_docs
    from search.relevance import measure

    cluster = ElasticsearchNode()
    engine = ElasticsearchEngine(Elasticsearch(cluster.url, request_timeout=60), "benchrel")
    try:
        docs, total = all_docs()
        engine.rebuild(docs, total=total)
        engine.refresh()
        return measure(engine, judged)
    finally:
        for name in engine.client.indices.get(index=f"{engine.alias}*"):
            engine.client.indices.delete(index=name, ignore_unavailable=True)
        cluster.close()
