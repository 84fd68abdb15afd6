"""The configured engine, chosen once from settings.

ELASTICSEARCH_URL set → Elasticsearch; otherwise the embedded engine of the
database vendor. Nothing else in the project asks which engine is in use.
"""

from django.conf import settings

_engine = None


def build_engine():
    config = getattr(settings, "SEARCH", {}) or {}
    if config.get("ELASTICSEARCH_URL"):
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine.from_settings(config)
    from .embedded import EmbeddedEngine

    return EmbeddedEngine()


def get_engine():
    global _engine
    if _engine is None:
        _engine = build_engine()
    return _engine


def set_engine(engine):
    """Use another engine instance (tests run the contract suite on each engine)."""
    global _engine
    previous, _engine = _engine, engine
    return previous
