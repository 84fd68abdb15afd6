"""The Elasticsearch engine, through elasticsearch-dsl (imported as `elasticsearch.dsl`).

One index per site behind an alias `<prefix>_search`; a rebuild fills a new
timestamped index and moves the alias in one atomic call. Text fields are
analysed with standard tokenizer + lowercase + asciifolding (đ → d) and carry an
`exact` subfield (no folding) that boosts matches typed with diacritics.
"""

import contextlib
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Long,
    Object,
    Q,
    Search,
    Text,
    analyzer,
    normalizer,
)

from ..models import FACETS
from ..query import ParsedQuery
from .base import (
    SearchEngine,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
    facet_list,
    make_hit,
)

vi_fold = analyzer("vi_fold", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
vi_fold_keyword = normalizer("vi_fold_keyword", filter=["lowercase", "asciifolding"])

IN_FORCE_BOOST = 1.5
EXACT_BOOST = 3.0
DOCUMENT_BOOST = 2.0
TEXT_FIELDS = ["number.text^10", "title^4", "body"]
PHRASE_FIELDS = ["title^4", "body"]


def _text():
    return Text(analyzer=vi_fold, fields={"exact": Text(analyzer=vi_exact)})


class SearchDoc(Document):
    """One SearchItem; `data` holds the fields tracking aggregations use."""

    key = Keyword()
    source = Keyword()
    kind = Keyword()
    title = _text()
    body = _text()
    number = Keyword(
        fields={"folded": Keyword(normalizer=vi_fold_keyword), "text": Text(analyzer=vi_fold)}
    )
    url = Keyword(index=False)
    date = Date()
    in_force = Boolean()
    public = Boolean()
    facets = Object(properties={name: Keyword() for name in FACETS})
    data = Object(
        dynamic=False,
        properties={
            "plan_id": Long(),
            "unit_id": Long(),
            "unit_name": Keyword(),
            "status": Keyword(),
            "deadline": Date(),
            "completed_on": Date(),
            "recurring": Boolean(),
            "completed_late": Boolean(),  # derived: completed_on > deadline
            "outcome": Keyword(),
            "saving_hours": Float(),
            "procedure_id": Long(),
            "received_on": Date(),
            "appointment_date": Date(),
            "finished_on": Date(),
            "returned_on": Date(),
            "late": Boolean(),
            "letters": Integer(),
            "delay_days": Integer(),
            "completed_delay_days": Integer(),
            "open": Boolean(),
            "criterion_id": Long(),
            "factor_id": Long(),
            "quarter": Keyword(),
            "value": Integer(),
            "satisfied": Boolean(),
        },
    )


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    transactional = False

    def __init__(self, client: Elasticsearch, prefix: str = "vanban", refresh_on_write=False):
        self.client = client
        self.prefix = prefix
        self.alias = f"{prefix}_search"
        self.refresh_on_write = refresh_on_write
        self._ready = False

    @classmethod
    def from_settings(cls, config: dict, **kwargs):
        return cls(make_client(config), prefix=config.get("INDEX_PREFIX") or "vanban", **kwargs)

    @property
    def label(self) -> str:
        return "Elasticsearch"

    # -- index management ---------------------------------------------------------
    def new_index(self) -> str:
        name = f"{self.alias}_{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(SearchDoc)
        index.create()
        return name

    def ensure_index(self):
        if self._ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            if self.client.indices.exists(index=self.alias):
                # An index auto-created under the alias' name: replace it.
                self.client.indices.delete(index=self.alias)
            name = self.new_index()
            self.client.indices.put_alias(index=name, name=self.alias)
        self._ready = True

    def concrete_indexes(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return []

    def refresh(self):
        with contextlib.suppress(NotFoundError):
            self.client.indices.refresh(index=self.alias)

    # -- writing -----------------------------------------------------------------
    def _bulk(self, actions):
        self.ensure_index()
        ok, errors = helpers.bulk(self.client, actions, raise_on_error=False, stats_only=False)
        real = [e for e in errors if list(e.values())[0].get("status") != 404]
        if real:
            raise RuntimeError(f"Elasticsearch bulk errors: {real[:3]}")
        if self.refresh_on_write:
            self.refresh()
        return ok

    def index(self, docs):
        return self._bulk(
            {"_op_type": "index", "_index": self.alias, "_id": d["key"], "_source": d} for d in docs
        )

    def delete(self, keys):
        return self._bulk({"_op_type": "delete", "_index": self.alias, "_id": k} for k in keys)

    def purge(self, source, keep):
        self.ensure_index()
        query = Q("bool", filter=[Q("term", source=source)], must_not=[Q("ids", values=list(keep))])
        self.client.delete_by_query(
            index=self.alias,
            query=query.to_dict(),
            refresh=self.refresh_on_write,
            conflicts="proceed",
        )

    def apply(self, changes):
        """Deliver outbox changes: one bulk request, then one delete-by-query.

        index_object() always queues a source's items followed by a purge of its
        other keys, so the last purge of each source names its final keys; running
        the purges after the bulk is therefore equivalent to running them in order.
        """
        actions, purges = [], {}
        for action, key, payload in changes:
            if action == "purge":
                purges[payload["source"]] = payload.get("keep", [])
            elif action == "delete":
                actions.append({"_op_type": "delete", "_index": self.alias, "_id": key})
            else:
                actions.append(
                    {
                        "_op_type": "index",
                        "_index": self.alias,
                        "_id": key,
                        "_source": es_source(payload),
                    }
                )
        refresh, self.refresh_on_write = self.refresh_on_write, False
        try:
            if actions:
                self._bulk(actions)
            sources = list(purges.items())
            for i in range(0, len(sources), 200):
                self.ensure_index()
                clauses = [
                    Q("bool", filter=[Q("term", source=src)], must_not=[Q("ids", values=keep)])
                    for src, keep in sources[i : i + 200]
                ]
                self.client.delete_by_query(
                    index=self.alias,
                    query=Q("bool", should=clauses, minimum_should_match=1).to_dict(),
                    conflicts="proceed",
                )
        finally:
            self.refresh_on_write = refresh
        if refresh:
            self.refresh()

    def rebuild(self, docs, total=None, progress=None):
        """Fill a new index, then move the alias to it atomically; old indexes go."""
        name = self.new_index()
        count = 0
        try:
            for ok, _info in helpers.streaming_bulk(
                self.client,
                ({"_index": name, "_id": d["key"], "_source": es_source(d)} for d in docs),
                chunk_size=500,
                raise_on_error=True,
            ):
                count += ok
                if progress and count % 500 == 0:
                    progress(count, total)
            self.client.indices.refresh(index=name)
        except Exception:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        if progress:
            progress(count, total)
        old = self.concrete_indexes()
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        if not old and self.client.indices.exists(index=self.alias):
            self.client.indices.delete(index=self.alias)
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o, ignore_unavailable=True)
        self._ready = True
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
        must = []
        for i, term in enumerate(parsed.terms):
            clause = Q("multi_match", query=term, fields=TEXT_FIELDS)
            if parsed.prefix_last and i == len(parsed.terms) - 1:
                prefixes = [Q("prefix", **{f: term}) for f in ("number.text", "title", "body")]
                clause = Q("bool", should=[clause, *prefixes], minimum_should_match=1)
            must.append(clause)
        for phrase in parsed.phrases:
            must.append(
                Q("multi_match", query=" ".join(phrase), type="phrase", fields=PHRASE_FIELDS)
            )
        for number in parsed.numbers:
            must.append(
                Q(
                    "bool",
                    should=[
                        Q("term", **{"number.folded": {"value": number.folded, "boost": 30}}),
                        Q("prefix", **{"number.folded": {"value": number.folded, "boost": 20}}),
                        Q(
                            "multi_match",
                            query=" ".join(number.tokens),
                            type="phrase",
                            fields=TEXT_FIELDS,
                        ),
                    ],
                    minimum_should_match=1,
                )
            )
        should = []
        if parsed.exact:
            should.append(
                Q(
                    "multi_match",
                    query=" ".join(parsed.exact),
                    fields=["title.exact^4", "body.exact"],
                    operator="and",
                    boost=EXACT_BOOST * 10,
                )
            )
        functions = [{"filter": {"term": {"in_force": True}}, "weight": IN_FORCE_BOOST}]
        if parsed.numbers:  # a number query: the document itself before its provisions
            functions.append({"filter": {"term": {"kind": "document"}}, "weight": DOCUMENT_BOOST})
        return Q(
            "function_score",
            query=Q("bool", must=must, should=should),
            functions=functions,
            score_mode="multiply",
            boost_mode="multiply",
        )

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
        if not request.include_private:
            s = s.filter("term", public=True)
        for name, values in request.filters.items():
            if values:
                field = "kind" if name == "kind" else f"facets.{name}"
                s = s.filter("terms", **{field: [str(v) for v in values]})
        s.aggs.bucket("kind", "terms", field="kind", size=100)
        for name in FACETS:
            s.aggs.bucket(name, "terms", field=f"facets.{name}", size=100)
        if request.sort == "date" or parsed.empty:
            s = s.sort({"date": {"order": "desc", "missing": "_last"}}, "_score", "key")
        else:
            s = s.sort("_score", "key")
        s = s.extra(from_=request.offset, size=request.per_page, track_total_hits=True)
        response = s.execute()
        results.count = response.hits.total.value
        for hit in response.hits:
            results.hits.append(make_hit(hit.to_dict(), parsed))
        aggs = response.aggregations
        results.facets = {
            name: facet_list({b.key: b.doc_count for b in getattr(aggs, name).buckets})
            for name in ("kind", *FACETS)
        }
        return results

    def aggregate(self, name, **params):
        from ..tracking import es_aggregation

        self.ensure_index()
        return es_aggregation(name)(self, **params)


def es_source(doc: dict) -> dict:
    """The stored document, plus fields derived from it that queries cannot compute
    without scripts (osmem has none): completed_late = completed_on > deadline."""
    data = doc.get("data") or {}
    if "deadline" in data and "completed_late" not in data:
        deadline, completed = data.get("deadline"), data.get("completed_on")
        data = {**data, "completed_late": bool(deadline and completed and completed > deadline)}
        doc = {**doc, "data": data}
    return doc


def make_client(config: dict) -> Elasticsearch:
    kwargs = {"request_timeout": config.get("TIMEOUT") or 10}
    if config.get("API_KEY"):
        kwargs["api_key"] = config["API_KEY"]
    elif config.get("USERNAME"):
        kwargs["basic_auth"] = (config["USERNAME"], config.get("PASSWORD") or "")
    if config.get("CA_CERTS"):
        kwargs["ca_certs"] = config["CA_CERTS"]
    if config.get("VERIFY_CERTS") is False:
        kwargs["verify_certs"] = False
    return Elasticsearch(config["ELASTICSEARCH_URL"], **kwargs)
