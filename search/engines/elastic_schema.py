"""What the Elasticsearch engine stores: the mapping, the stored document, the client.

Only built-in analyzers and field types: folding happens here, in Python, with the
embedded engine's `vietnamese.folding.fold`, so the engines agree and any node serves.
"""

from elasticsearch import Elasticsearch
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    Long,
    Object,
    Text,
)

from vietnamese.folding import fold, tokens

from ..registry import registry

FOLDED_FIELDS = ["title_folded", "body_folded"]  # indexed, not kept in _source


def _text():
    return Text(analyzer="standard")


class SearchDoc(Document):
    """One SearchItem; `data` holds the fields the apps declare (aggregations use them)."""

    key = Keyword()
    source = Keyword()
    kind = Keyword()
    title = _text()  # as written, marks kept: matches typed with diacritics
    body = _text()
    title_folded = _text()
    body_folded = _text()
    number = Keyword()
    parent = Keyword()
    group = Keyword()  # derived: the parent's key, or the item's own (results group)
    root = Boolean()  # derived: no parent (a group's head when it matches)
    title_key = Keyword(ignore_above=2000)  # derived: the title's folded words
    number_folded = Keyword()
    number_text = _text()
    url = Keyword(index=False)
    date = Date()
    in_force = Boolean()
    public = Boolean()
    scope_key = Keyword()  # who may see a staff-only document (search/scope.py)
    # `facets` and `data`: built in index_mappings from what the apps declare (registry).


DATA_FIELD_CLASSES = {
    "keyword": Keyword,
    "long": Long,
    "integer": Integer,
    "float": Float,
    "date": Date,
    "boolean": Boolean,
}


def data_mapping(types: dict) -> dict:
    """The `data` object: the declared fields only (dynamic off: an undeclared field is
    stored but neither searched nor aggregated; registry.register_aggregation refuses a
    declaration that uses one)."""
    properties = {name: DATA_FIELD_CLASSES[t]() for name, t in sorted(types.items())}
    return Object(dynamic=False, properties=properties).to_dict()


def facets_mapping(names) -> dict:
    """The `facets` object: one keyword per declared facet (registry.facets); other
    keys an item carries are mapped dynamically, as before, and never aggregated."""
    return Object(properties={name: Keyword() for name in names}).to_dict()


def index_mappings() -> dict:
    mappings = SearchDoc._doc_type.mapping.to_dict()
    mappings["properties"]["facets"] = facets_mapping(registry.facets)
    mappings["properties"]["data"] = data_mapping(registry.data_types())
    mappings["_source"] = {"excludes": FOLDED_FIELDS}
    return mappings


def es_source(doc: dict) -> dict:
    """The stored document, plus what queries cannot compute without analysis-common
    or scripts: the folded text fields. (Flags comparing two data fields are the
    app's, computed when it builds the item.)"""
    doc = {
        **doc,
        "title_folded": fold(doc.get("title") or ""),
        "body_folded": fold(doc.get("body") or ""),
        "number_folded": fold(doc.get("number") or ""),
        "number_text": fold(doc.get("number") or ""),
        "parent": doc.get("parent") or "",
        "group": doc.get("parent") or doc["key"],
        "root": not doc.get("parent"),
        "title_key": " ".join(tokens(doc.get("title") or "")),
    }
    return doc


def make_client(config: dict) -> Elasticsearch:
    kwargs = {
        "request_timeout": config.get("TIMEOUT") or 10,
        "retry_on_timeout": True,
        "max_retries": 2,
    }
    if config.get("API_KEY"):
        kwargs["api_key"] = config["API_KEY"]
    elif config.get("USERNAME"):
        kwargs["basic_auth"] = (config["USERNAME"], config.get("PASSWORD") or "")
    if config.get("CA_CERTS"):
        kwargs["ca_certs"] = config["CA_CERTS"]
    if config.get("VERIFY_CERTS") is False:
        kwargs["verify_certs"] = False
    return Elasticsearch(config["ELASTICSEARCH_URL"], **kwargs)


def credentials_message(exc) -> str:
    return (
        "Elasticsearch từ chối thông tin đăng nhập (ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD "
        f"hoặc ELASTICSEARCH_API_KEY): {getattr(exc, 'message', exc)}"
    )[:300]
