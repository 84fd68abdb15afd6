"""The one interface every search engine implements.

Apps and views call search.service; the service calls the configured engine.
Documents handed to an engine are plain dicts made by `item_to_doc`.
"""

import datetime
import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date

from vietnamese.folding import fold, raw_tokens, tokens

from ..query import ParsedQuery
from ..registry import SearchItem, registry
from ..snippets import highlight, shared_segments


def filter_names() -> tuple:
    """What a request may filter by: the kind, a group (`parent`: the items of one
    group, ungrouped) and the facets the apps declare (registry.facets)."""
    return ("kind", "parent", *registry.facets)


#: A results page lists groups: an item with the matching items whose `parent` it is.
#: Each group shows its head (the parent when it matched) and this many members more.
GROUP_CHILDREN = 3


class SearchUnavailable(RuntimeError):
    """The engine cannot answer now (e.g. the cluster is down)."""


SORTS = ("relevance", "date")


@dataclass
class SearchRequest:
    query: ParsedQuery
    filters: dict = field(default_factory=dict)  # name -> list of values (OR)
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    include_private: bool = False
    # With include_private: {kind: search.scope.Scope} limits the staff-only items to
    # those scopes (kinds missing: none of their staff-only items); None: no limit.
    scopes: dict | None = None

    @property
    def grouped(self) -> bool:
        """Pages list groups, except when listing one group's items (a parent filter)."""
        return not self.filters.get("parent")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    number: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around matches
    title_html: str
    date: datetime.date | None = None
    in_force: bool = True
    parent: str = ""
    group: str = ""  # the group's key: the parent's key, or the item's own
    members: int = 0  # matching items whose parent is the group (on the head)
    children: list = field(default_factory=list)  # the first of them, after the head


@dataclass
class SearchResults:
    count: int = 0  # groups (the unit of pages): see GROUP_CHILDREN
    total: int = 0  # matching items
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name -> [{"value", "count"}]
    page: int = 1
    per_page: int = 20

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page)) if self.per_page else 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def item_to_doc(item: SearchItem, source: str) -> dict:
    """A SearchItem as the JSON document both engines store (and the outbox carries)."""
    facets = {k: str(v) for k, v in (item.facets or {}).items() if v not in (None, "")}
    return {
        "key": item.key,
        "source": source,
        "kind": item.kind,
        "title": item.title or "",
        "number": item.number or "",
        "parent": item.parent or "",
        "url": item.url or "",
        "body": item.body or "",
        "date": item.date.isoformat() if item.date else None,
        "in_force": bool(item.in_force),
        "public": bool(item.public),
        "scope_key": item.scope_key or "",
        "facets": facets,
        "data": _jsonable(item.data or {}),
    }


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "__float__") and not isinstance(value, int | float | bool):
        return float(value)  # Decimal
    return value


def index_columns(doc: dict) -> dict:
    """The folded, tokenised text columns the embedded engines index."""
    title_words, body_words = tokens(doc["title"]), tokens(doc["body"])
    raw = raw_tokens(doc["title"]) + raw_tokens(doc["body"])
    folded = title_words + body_words
    if len(raw) == len(folded):  # each text folded once: the words line up one to one
        words_with_marks = {r for r, f in zip(raw, folded, strict=True) if r != f}
    else:  # a stray combining mark joined two words when folded: go word by word
        words_with_marks = {w for w in raw if fold(w) != w}
    return {
        "idx_number": " ".join(tokens(doc["number"])),
        "idx_title": " ".join(title_words),
        "idx_body": " ".join(body_words),
        "idx_exact": " ".join(sorted(words_with_marks)),
    }


def make_hit(doc: dict, parsed: ParsedQuery, shared: frozenset = frozenset()) -> Hit:
    """A hit; `shared`: the sentences other hits of the page share (snippets skip them)."""
    words, prefix, sequence = parsed.highlight_words, parsed.prefix_word, parsed.words
    body = doc.get("body") or ""
    value = doc.get("date")
    if isinstance(value, str) and value:
        value = date.fromisoformat(value[:10])
    return Hit(
        key=doc["key"],
        kind=doc["kind"],
        title=doc["title"],
        number=doc.get("number") or "",
        url=doc.get("url") or "",
        snippet=highlight(
            body or doc["title"], words, prefix=prefix, sequence=sequence, shared=shared
        ),
        title_html=highlight(doc["title"], words, length=None, prefix=prefix),
        date=value or None,
        in_force=bool(doc.get("in_force", True)),
        parent=doc.get("parent") or "",
        group=doc.get("parent") or doc["key"],
    )


def group_key(doc: dict) -> str:
    return doc.get("parent") or doc["key"]


def grouped_hits(rows, parsed: ParsedQuery) -> list[Hit]:
    """Head hits with their children, from (doc, members) rows in page order, each
    group's rows together and its head first (the parent when it matched)."""
    rows = list(rows)
    shared = shared_segments(doc.get("body") or "" for doc, _members in rows)
    heads, by_group = [], {}
    for doc, members in rows:
        hit = make_hit(doc, parsed, shared)
        head = by_group.get(hit.group)
        if head is None:
            hit.members = members
            by_group[hit.group] = hit
            heads.append(hit)
        elif len(head.children) < GROUP_CHILDREN:
            head.children.append(hit)
    return heads


def page_hits(docs, parsed: ParsedQuery) -> list[Hit]:
    """The hits of an ungrouped page."""
    docs = list(docs)
    shared = shared_segments(doc.get("body") or "" for doc in docs)
    return [make_hit(doc, parsed, shared) for doc in docs]


def flat_hits(hits: list[Hit]) -> list[Hit]:
    """Each head followed by its children: the page as a list."""
    return [h for head in hits for h in (head, *head.children)]


def facet_list(counter: dict) -> list:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [{"value": value, "count": count} for value, count in ordered if value not in ("", None)]


class SearchEngine(ABC):
    name = "base"
    #: True: index changes are written in the caller's transaction (no outbox).
    transactional = False

    @classmethod
    def from_settings(cls, config: dict):
        """The engine settings.SEARCH describes (search.engines.build_engine)."""
        return cls()

    @abstractmethod
    def index(self, docs: list[dict]) -> None:
        """Add or replace documents (by key)."""

    @abstractmethod
    def delete(self, keys: list[str]) -> None:
        """Remove documents by key (missing keys are ignored)."""

    @abstractmethod
    def purge(self, source: str, keep: list[str]) -> None:
        """Remove the documents of one source object except the keys in `keep`."""

    def replace(self, items_by_source: dict[str, list[dict]]) -> None:
        """Each source's documents become exactly the given ones (none: all go)."""
        self.index([doc for docs in items_by_source.values() for doc in docs])
        for source, docs in items_by_source.items():
            self.purge(source, [doc["key"] for doc in docs])

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResults: ...

    @abstractmethod
    def aggregate(self, bound, types: dict) -> list[dict]:
        """Rows of a declared aggregation (search/aggregations.py) bound to its
        parameters; `types` are the item kind's declared data field types."""

    @abstractmethod
    def rebuild(self, docs, total: int | None = None, progress=None) -> dict:
        """Replace the whole index with `docs` (an iterable); returns a summary."""

    @abstractmethod
    def status(self) -> dict: ...

    def apply(self, changes) -> None:
        """Deliver outbox changes, in order: (action, key, payload) with action
        "index" (payload = the document), "delete" or "purge" (payload: source, keep)."""
        batch = []
        for action, key, payload in changes:
            if action == "index":
                batch.append(payload)
                continue
            if batch:
                self.index(batch)
                batch = []
            if action == "purge":
                self.purge(payload["source"], payload.get("keep", []))
            else:
                self.delete([key])
        if batch:
            self.index(batch)

    def refresh(self) -> None:  # noqa: B027 - optional hook
        """Make recent writes visible to searches (no-op where always true)."""

    def clear(self) -> None:
        self.rebuild([], total=0)
