"""The Elasticsearch engine, through elasticsearch-dsl (imported as `elasticsearch.dsl`).

One index per site behind an alias `<prefix>_search`; a rebuild fills a new
timestamped index and moves the alias in one atomic call. The engine needs only
what every Elasticsearch 8/9 node has (the core modules: no analysis-common, no
reindex, no painless), so it runs on Elasticsearch's minimal test distribution too:

- Vietnamese is folded here, by `vietnamese.folding.fold` (the embedded engine's folding),
  into `*_folded` fields analysed with the built-in `standard` analyzer; the original
  `title` and `body` (same analyzer: lower case, marks kept) boost matches typed with
  diacritics and give snippets their original text.
- Deleting by query is a scroll for ids followed by a bulk delete.
- No scripts: values a query would compute are derived at indexing (`es_source`).
"""

import contextlib
import logging
from datetime import UTC, datetime

from elasticsearch import (
    ApiError,
    AuthenticationException,
    AuthorizationException,
    Elasticsearch,
    NotFoundError,
    TransportError,
    helpers,
)
from elasticsearch.dsl import Q, Search

from ..query import ParsedQuery
from ..registry import registry
from . import elastic_aggregate
from .base import (
    SearchEngine,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
    facet_list,
    grouped_hits,
    page_hits,
)
from .elastic_query import (
    build_query,
    group_rows,
    grouped,
    members,
    page_groups,
    visibility_query,
)
from .elastic_schema import credentials_message, es_source, index_mappings, make_client

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500  # documents per bulk request
CHUNK_BYTES = 8 * 1024 * 1024
BULK_RETRIES = 4  # per chunk, on 429 (the node is busy), with doubling backoff
BULK_TIMEOUT = 60  # seconds for one bulk request
MIN_MAJOR_VERSION = 8


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    transactional = False

    def __init__(self, client: Elasticsearch, prefix: str = "vanban", refresh_on_write=False):
        self.client = client
        self.prefix = prefix
        self.alias = f"{prefix}_search"
        self.refresh_on_write = refresh_on_write
        self._ready = False
        self.groups = True  # the index has the `group` field (ensure_index checks)

    @classmethod
    def from_settings(cls, config: dict, **kwargs):
        return cls(make_client(config), prefix=config.get("INDEX_PREFIX") or "vanban", **kwargs)

    @property
    def label(self) -> str:
        return "Elasticsearch"

    # -- index management ---------------------------------------------------------
    @property
    def building_alias(self) -> str:
        """Names the index a running rebuild fills: deliveries write to it too."""
        return f"{self.alias}_building"

    def check_node(self):
        """Refuse, with a message, a node this engine cannot use."""
        try:
            nodes = self.client.nodes.info(
                node_id="_local", metric="_none", filter_path="nodes.*.version"
            )
        except (AuthenticationException, AuthorizationException) as exc:
            raise SearchUnavailable(credentials_message(exc)) from exc
        except (ApiError, TransportError) as exc:
            raise SearchUnavailable(f"Không kết nối được Elasticsearch: {exc}"[:300]) from exc
        versions = [n["version"] for n in (nodes.body.get("nodes") or {}).values()]
        if not versions or int(versions[0].split(".")[0]) < MIN_MAJOR_VERSION:
            raise SearchUnavailable(
                f"Cần Elasticsearch {MIN_MAJOR_VERSION} trở lên; nút đang chạy: {versions or '?'}"
            )

    def new_index(self) -> str:
        name = f"{self.alias}_{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        try:
            self.client.indices.create(
                index=name,
                settings={"number_of_shards": 1, "number_of_replicas": 0},
                mappings=index_mappings(),
            )
        except (AuthenticationException, AuthorizationException) as exc:
            raise SearchUnavailable(credentials_message(exc)) from exc
        except ApiError as exc:  # e.g. a mapping feature the node lacks: name it
            raise SearchUnavailable(
                f"Elasticsearch từ chối tạo chỉ mục {name}: {exc}"[:500]
            ) from exc
        return name

    def ensure_index(self):
        if self._ready:
            return
        self.check_node()
        if not self.client.indices.exists_alias(name=self.alias):
            if self.client.indices.exists(index=self.alias):
                # An index auto-created under the alias' name: replace it.
                self.client.indices.delete(index=self.alias)
            name = self.new_index()
            self.client.indices.put_alias(index=name, name=self.alias)
        self.groups = self._has_groups()
        self._ready = True

    def _has_groups(self) -> bool:
        """An index made before results were grouped has no `group` field: it serves
        ungrouped results until `manage.py rebuild_index` replaces it."""
        mappings = self.client.indices.get_mapping(index=self.alias).body.values()
        ok = all("group" in (m.get("mappings") or {}).get("properties", {}) for m in mappings)
        if not ok:
            logger.warning("Chỉ mục %s chưa có trường group: hãy chạy rebuild_index.", self.alias)
        return ok

    def concrete_indexes(self, alias=None) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=alias or self.alias).keys())
        except NotFoundError:
            return []

    def refresh(self):
        with contextlib.suppress(NotFoundError):
            self.client.indices.refresh(index=self.alias)

    # -- writing -----------------------------------------------------------------
    def write_targets(self) -> list[str]:
        """The alias, plus the index of a rebuild in progress (dual write)."""
        return [self.alias, *self.concrete_indexes(self.building_alias)]

    def _bulk(self, actions, targets=None):
        self.ensure_index()
        actions = list(actions)
        targets = targets or self.write_targets()
        ok = 0
        for target in targets:
            ok += self._send(({**a, "_index": target} for a in actions), ignore=(404,))
        if self.refresh_on_write:
            self.refresh()
        return ok

    def _send(self, actions, ignore=(404,)) -> int:
        """Bulk in bounded chunks with timeouts; 429s are retried with backoff."""
        ok, errors = 0, []
        for success, info in helpers.streaming_bulk(
            self.client.options(request_timeout=BULK_TIMEOUT),
            actions,
            chunk_size=CHUNK_SIZE,
            max_chunk_bytes=CHUNK_BYTES,
            max_retries=BULK_RETRIES,
            initial_backoff=1,
            raise_on_error=False,
            raise_on_exception=True,
        ):
            if success:
                ok += 1
            elif list(info.values())[0].get("status") not in ignore:
                errors.append(info)
        if errors:
            raise RuntimeError(f"Elasticsearch bulk errors: {errors[:3]}")
        return ok

    def index(self, docs):
        return self._bulk(
            {"_op_type": "index", "_id": d["key"], "_source": es_source(d)} for d in docs
        )

    def delete(self, keys):
        return self._bulk({"_op_type": "delete", "_id": k} for k in keys)

    def purge(self, source, keep):
        self._purge({source: list(keep)})
        if self.refresh_on_write:
            self.refresh()

    def _purge(self, purges: dict):
        """Delete each source's documents outside its kept keys (no delete_by_query:
        the ids are read with a scroll, then deleted in bulk)."""
        sources = list(purges.items())
        for target in self.write_targets():
            for i in range(0, len(sources), 200):
                clauses = [
                    Q("bool", filter=[Q("term", source=src)], must_not=[Q("ids", values=keep)])
                    for src, keep in sources[i : i + 200]
                ]
                query = Q("bool", should=clauses, minimum_should_match=1).to_dict()
                ids = [
                    hit["_id"]
                    for hit in helpers.scan(
                        self.client, index=target, query={"query": query}, _source=False, size=1000
                    )
                ]
                if ids:
                    self._send({"_op_type": "delete", "_index": target, "_id": i} for i in ids)

    def apply(self, changes):
        """Deliver outbox changes: the index/delete actions in bulk, then the purges.

        index_object() always queues a source's items followed by a purge of its
        other keys, so the last purge of each source names its final keys; running
        the purges after the bulk is therefore equivalent to running them in order.
        """
        actions, purges = [], {}
        for action, key, payload in changes:
            if action == "purge":
                purges[payload["source"]] = payload.get("keep", [])
            elif action == "delete":
                actions.append({"_op_type": "delete", "_id": key})
            else:
                actions.append({"_op_type": "index", "_id": key, "_source": es_source(payload)})
        self.ensure_index()
        refresh, self.refresh_on_write = self.refresh_on_write, False
        try:
            if actions:
                self._bulk(actions)
            if purges:
                self._purge(purges)
        finally:
            self.refresh_on_write = refresh
        if refresh:
            self.refresh()

    def rebuild(self, docs, total=None, progress=None):
        """Fill a new index, then move the alias to it atomically; old indexes go.

        While it fills, the new index sits behind `building_alias`, so changes
        delivered meanwhile are written to it as well. Its own writes are `create`:
        a document a delivery already wrote there is newer and is kept. If it fails,
        the new index is dropped and the old one goes on serving.
        """
        self.check_node()
        name = self.new_index()
        self.client.indices.put_alias(index=name, name=self.building_alias)
        count = 0
        try:
            actions = (
                {"_op_type": "create", "_index": name, "_id": d["key"], "_source": es_source(d)}
                for d in docs
            )
            for batch in _batches(actions, CHUNK_SIZE):
                count += self._send(batch, ignore=(409,))
                if progress:
                    progress(count, total)
            self.client.indices.refresh(index=name)
        except Exception as exc:
            with contextlib.suppress(ApiError, TransportError):
                self.client.indices.delete(index=name, ignore_unavailable=True)
            old = ", ".join(self.concrete_indexes()) or "không có"
            raise RebuildFailed(
                f"Dựng lại chỉ mục thất bại ({type(exc).__name__}: {str(exc)[:200]}); "
                f"chỉ mục cũ vẫn phục vụ tìm kiếm: {old}."
            ) from exc
        old = self.concrete_indexes()
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        if not old and self.client.indices.exists(index=self.alias):
            self.client.indices.delete(index=self.alias)
        actions.append({"add": {"index": name, "alias": self.alias}})
        actions.append({"remove": {"index": name, "alias": self.building_alias}})
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o, ignore_unavailable=True)
        self._ready, self.groups = True, True
        return {"engine": self.label, "index": name, "indexed": count, "replaced": old}

    def status(self):
        indexes = self.concrete_indexes()
        info = {"engine": self.label, "alias": self.alias, "indexes": indexes, "documents": 0}
        if indexes:
            info["documents"] = self.client.count(index=self.alias)["count"]
            resp = Search(using=self.client, index=self.alias).extra(size=0)
            resp.aggs.bucket("kind", "terms", field="kind", size=50)
            result = resp.execute()
            info["by_kind"] = {b.key: b.doc_count for b in result.aggregations.kind.buckets}
        return info

    # -- reading -----------------------------------------------------------------
    def build_query(self, parsed: ParsedQuery):
        return build_query(parsed)

    def search(self, request: SearchRequest) -> SearchResults:
        try:
            return self._search(request)
        except (ApiError, TransportError) as exc:
            raise SearchUnavailable(str(exc)[:300]) from exc

    def _search(self, request: SearchRequest) -> SearchResults:
        parsed = request.query
        results = SearchResults(page=request.page, per_page=request.per_page)
        has_filters = any(request.filters.values())
        if parsed.empty and not has_filters:
            return results
        self.ensure_index()
        s = Search(using=self.client, index=self.alias)
        if not parsed.empty:
            s = s.query(self.build_query(parsed))
        visible = visibility_query(request)
        if visible is not None:
            s = s.filter(visible)
        for name, values in request.filters.items():
            if values:
                field = name if name in ("kind", "parent") else f"facets.{name}"
                s = s.filter("terms", **{field: [str(v) for v in values]})
        s.aggs.bucket("kind", "terms", field="kind", size=100)
        for name in registry.facets:
            s.aggs.bucket(name, "terms", field=f"facets.{name}", size=100)
        if request.sort == "date" or parsed.empty:
            sort = ({"date": {"order": "desc", "missing": "_last"}}, "_score", "key")
        else:
            sort = ("_score", "key")
        group = request.grouped and self.groups
        s = grouped(s, sort) if group else s.sort(*sort)
        s = s.extra(from_=request.offset, size=request.per_page, track_total_hits=True)
        body = s.to_dict()  # plain dicts from here: the DSL's response objects cost ms
        response = self.client.search(index=self.alias, body=body)
        hits, aggs = response["hits"], response["aggregations"]
        results.total = results.count = hits["total"]["value"]
        if group:
            results.count = aggs["groups"]["value"]
            groups = page_groups(hits)
            rows = []
            if groups:
                page = self.client.search(index=self.alias, body=members(body, groups))
                rows = group_rows(page, groups)
            results.hits = grouped_hits(rows, parsed)
        else:
            results.hits = page_hits((hit["_source"] for hit in hits["hits"]), parsed)
        results.facets = {
            name: facet_list({b["key"]: b["doc_count"] for b in aggs[name]["buckets"]})
            for name in ("kind", *registry.facets)
        }
        return results

    def aggregate(self, bound, types):
        """A declared aggregation, bound to its parameters, by composite aggregations."""
        self.ensure_index()
        return elastic_aggregate.run(self, bound, types)


class RebuildFailed(RuntimeError):
    """A rebuild stopped; the message says why and that the old index still serves."""


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
