"""Engines for the search tests.

Elasticsearch tests talk HTTP to a real Elasticsearch node: the one named by
ELASTICSEARCH_URL (with ELASTICSEARCH_USERNAME/PASSWORD/API_KEY/CA_CERTS, as the
site reads them), or else a local node that `tools/elasticsearch start` fetches
from Maven Central and runs. Without Java and mvn the Elasticsearch tests skip,
except under CI, where they must run.
"""

import os
import shutil
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from search.engines import set_engine
from search.engines.elastic import ElasticsearchEngine, make_client
from search.engines.embedded import EmbeddedEngine

TOOL = Path(__file__).resolve().parents[2] / "tools" / "elasticsearch"


class LocalNode:
    """The node of tools/elasticsearch, which the outbox tests stop and start again."""

    def __init__(self, secure=False):
        self.options = ["--secure"] if secure else []
        self.url = self._run("start")
        self.env = dict(line.removeprefix("export ").split("=", 1) for line in self._lines("env"))

    def _lines(self, command):
        done = subprocess.run(
            [str(TOOL), command, *self.options], capture_output=True, text=True, timeout=600
        )
        if done.returncode:
            pytest.fail(f"tools/elasticsearch {command} failed:\n{done.stderr[-2000:]}")
        return done.stdout.strip().splitlines()

    def _run(self, command):
        lines = self._lines(command)
        return lines[-1] if lines else ""

    def stop(self):
        self._run("stop")

    def start(self):
        assert self._run("start") == self.url  # same port: the engine's client reconnects


def _need_local_node():
    if not (shutil.which("mvn") and shutil.which("java")):
        if os.environ.get("CI"):
            pytest.fail("CI must run the Elasticsearch tests: Java and mvn are missing")
        pytest.skip(
            "Elasticsearch tests need Java and mvn (tools/elasticsearch) or ELASTICSEARCH_URL"
        )


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        return url
    _need_local_node()
    return LocalNode()


@pytest.fixture(scope="session")
def secure_es_config():
    """Settings for a cluster with TLS and a password: the one configured in the
    environment when it has credentials, else a local `--secure` node."""
    if os.environ.get("ELASTICSEARCH_URL") and settings.SEARCH.get("USERNAME"):
        return {**settings.SEARCH, "ELASTICSEARCH_URL": os.environ["ELASTICSEARCH_URL"]}
    _need_local_node()
    env = LocalNode(secure=True).env
    return {
        **settings.SEARCH,
        "ELASTICSEARCH_URL": env["ELASTICSEARCH_URL"],
        "USERNAME": env["ELASTICSEARCH_USERNAME"],
        "PASSWORD": env["ELASTICSEARCH_PASSWORD"],
        "CA_CERTS": env["ELASTICSEARCH_CA_CERTS"],
        "API_KEY": None,
    }


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


@contextmanager
def searching_on(engine):
    """The engine as the current one, the previous one back afterwards."""
    previous = set_engine(engine)
    try:
        yield engine
    finally:
        set_engine(previous)


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

    The local node is stopped with `tools/elasticsearch stop` and started again on
    the same port. An external cluster cannot be stopped from here, so the engine is
    swapped for one on a closed loopback port with the same index names.
    """
    from contextlib import contextmanager

    @contextmanager
    def down():
        if isinstance(es_url, LocalNode):
            es_url.stop()
            try:
                yield
            finally:
                es_url.start()
            return
        config = {
            **settings.SEARCH,
            # Same scheme as the real cluster: TLS options are refused on http.
            "ELASTICSEARCH_URL": f"{es_url.split(':')[0]}://127.0.0.1:{_closed_port()}",
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

    return down
