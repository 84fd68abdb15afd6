"""The configured engine, chosen once from settings.

SEARCH["ENGINE"], a dotted path to an engine class, when set; otherwise
ELASTICSEARCH_URL set → Elasticsearch, else the embedded engine of the database
vendor. Nothing else in the project asks which engine is in use.

The engine classes are imported by their dotted path (import_string) when the
engine is first built, never at the top of this module: the engine modules import
this package's siblings (`from .base import …`), and this package imports none of
them back.
"""

from django.conf import settings
from django.utils.module_loading import import_string

ELASTICSEARCH = "search.engines.elastic.ElasticsearchEngine"
EMBEDDED = "search.engines.embedded.EmbeddedEngine"

_engine = None


def engine_path(config: dict) -> str:
    """The dotted path of the engine class the settings ask for."""
    if config.get("ENGINE"):
        return config["ENGINE"]
    return ELASTICSEARCH if config.get("ELASTICSEARCH_URL") else EMBEDDED


def build_engine():
    config = getattr(settings, "SEARCH", {}) or {}
    return import_string(engine_path(config)).from_settings(config)


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
