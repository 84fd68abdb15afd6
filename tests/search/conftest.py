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


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def engine_down(es_engine, es_url):
    """A context manager that takes Elasticsearch away and brings it back.

    The local osmem cluster: its proxy stops answering (the same engine loses its
    server). An external cluster cannot be stopped from here, so the engine is
    swapped for one on a closed loopback port with the same index names.
    """
    from contextlib import contextmanager

    @contextmanager
    def down():
        if isinstance(es_url, str):
            config = {
                **settings.SEARCH,
                "ELASTICSEARCH_URL": f"http://127.0.0.1:{_closed_port()}",
                "TIMEOUT": 2,
            }
            dead = ElasticsearchEngine(
                make_client(config), prefix=es_engine.prefix, refresh_on_write=True
            )
            set_engine(dead)
            try:
                yield
            finally:
                set_engine(es_engine)
        else:
            port = es_url.stop_proxy()
            try:
                yield
            finally:
                es_url.start_proxy(port)

    return down
