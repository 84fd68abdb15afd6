"""The judged relevance set (tests/search/judged_queries.tsv) on both engines.

Over the demo data (loaded once for the session, tests/conftest.py) and five laws of
the real corpus imported with the Word importer, each query's first result must be
the one the set names (without the corpus on the machine, the queries over the demo
alone), on the embedded engine (SQLite FTS5 or PostgreSQL full-text,
whichever database the suite runs on) and on a real Elasticsearch node. A query known
to fail on one engine and database is marked xfail there in the data file, with why.
"""

import pytest
from django.db import connection, transaction

from search.engines.embedded import EmbeddedEngine
from search.indexing import all_docs
from search.relevance import CORPUS, CORPUS_LAWS, load_judged, measure, ranked

from .conftest import drop_indexes, make_es_engine

JUDGED = load_judged()
# Without ../shared/corpus/laws, only the queries over the demo are judged.
AVAILABLE = [j for j in JUDGED if CORPUS.exists() or not j.uses_corpus]


@pytest.fixture(scope="module")
def judged_site(_demo_database, django_db_blocker):
    """The demo and the corpus laws, in a savepoint of the demo's transaction that the
    end of this module rolls back (the other demo tests never see the laws). The tests
    ask for `demo_site`, so they run among the demo tests (tests/conftest.py)."""
    from regulations.wordio.importer import import_file

    with django_db_blocker.unblock():
        savepoint = transaction.atomic()
        savepoint.__enter__()
        try:
            for name in CORPUS_LAWS if CORPUS.exists() else ():
                report = import_file(
                    (CORPUS / f"{name}.docx").read_bytes(), f"{name}.docx", queue_index=False
                )
                assert report.status == "ok", report.error
            yield
        finally:
            transaction.set_rollback(True)
            savepoint.__exit__(None, None, None)


@pytest.fixture(scope="module")
def engines(judged_site, es_url, django_db_blocker):
    """{name: engine}: the embedded one (indexed on save) and a fresh Elasticsearch
    index rebuilt from the same database."""
    es = make_es_engine(es_url)
    with django_db_blocker.unblock():
        docs, total = all_docs()
        es.rebuild(docs, total=total)
    es.refresh()
    yield {"embedded": EmbeddedEngine(), "elasticsearch": es}
    drop_indexes(es)


ENGINES = ("embedded", "elasticsearch")


def test_the_set_has_40_queries_with_and_without_diacritics():
    from vietnamese.folding import has_diacritics

    assert len(JUDGED) >= 40
    marked = [j for j in JUDGED if any(has_diacritics(w) for w in j.query.split())]
    assert 10 <= len(marked) <= len(JUDGED) - 10
    assert len({j.query for j in JUDGED}) == len(JUDGED)  # no query judged twice


def test_every_known_failure_names_an_engine_a_vendor_and_a_reason():
    for judged in JUDGED:
        for pair in judged.xfail:
            engine, _, vendor = pair.partition(":")
            assert engine in (*ENGINES, "*") and vendor in ("sqlite", "postgresql", "*"), pair
        assert judged.note or not judged.xfail, judged.query


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("judged", JUDGED, ids=[j.query[:40] for j in JUDGED])
def test_judged_query_returns_the_expected_first_result(
    engines, demo_site, engine_name, judged, request
):
    if judged.uses_corpus and not CORPUS.exists():
        pytest.skip("../shared/corpus/laws is absent")
    if judged.fails_on(engine_name, connection.vendor):
        request.applymarker(pytest.mark.xfail(reason=judged.note, strict=True))
    found = ranked(engines[engine_name], judged)
    assert found[:1] == [judged.expected], found[:5]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_success_at_1_is_at_least_0_9(engines, demo_site, engine_name):
    result = measure(engines[engine_name], AVAILABLE)
    assert result["success_at_1"] >= 0.9, result["misses"]
    assert result["mrr"] >= result["success_at_1"]
