"""The contract suite on each engine."""

import pytest

from .contract import SearchEngineContract


class TestEmbeddedEngine(SearchEngineContract):
    """SQLite FTS5 or PostgreSQL full-text, whichever database the suite runs on."""

    @pytest.fixture
    def engine(self, embedded_engine):
        return embedded_engine


class TestElasticsearchEngine(SearchEngineContract):
    """osmem-server via the header proxy, or the cluster in ELASTICSEARCH_URL."""

    @pytest.fixture
    def engine(self, es_engine):
        return es_engine
