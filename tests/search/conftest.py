"""Engines for the search tests.

Elasticsearch tests talk HTTP to a real server process: osmem-server (an
in-memory OpenSearch-compatible server, NOT Elasticsearch) behind a local
header-rewriting proxy, started once per session. With ELASTICSEARCH_URL set in
the environment, the same tests run against that cluster instead.
"""

import os
import uuid

import pytest
from django.conf import settings

from search.engines import set_engine
from search.engines.elastic import ElasticsearchEngine, make_client
from search.engines.embedded import EmbeddedEngine


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield url
        return
    from search.osmem import OsmemCluster

    cluster = OsmemCluster()
    yield cluster
    cluster.close()


def _url(es_url):
    return es_url if isinstance(es_url, str) else es_url.url


def make_es_engine(es_url, **kwargs):
    config = {**settings.SEARCH, "ELASTICSEARCH_URL": _url(es_url), "TIMEOUT": 5}
    prefix = f"test{uuid.uuid4().hex[:10]}"
    return ElasticsearchEngine(make_client(config), prefix=prefix, refresh_on_write=True, **kwargs)


def drop_indexes(engine):
    try:
        for name in engine.client.indices.get(index=f"{engine.alias}*"):
            engine.client.indices.delete(index=name, ignore_unavailable=True)
    except Exception:  # noqa: BLE001 - best effort: the engine may be down on purpose
        pass


@pytest.fixture
def es_engine(es_url, db):
    engine = make_es_engine(es_url)
    previous = set_engine(engine)
    yield engine
    set_engine(previous)
    drop_indexes(engine)


@pytest.fixture
def embedded_engine(db):
    engine = EmbeddedEngine()
    previous = set_engine(engine)
    yield engine
    set_engine(previous)
