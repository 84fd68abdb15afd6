"""The Elasticsearch engine's query: what must match, what ranks, how hits group.

Core features only (bool, multi_match, match_phrase, term, prefix, function_score
weights, collapse, cardinality, terms with top_hits), so any node serves. The ranking
mirrors the embedded engine's factors (embedded_rank.py) as `should` clauses:

- the words typed with their marks (`title`/`body` keep them);
- the query's words as a phrase, in the title more than in the body;
- every required word in the title; a title equal to the query (`title_key`);
- a title that begins with the query (a name is typed from its start): a factor of
  the score, as in force is, since a should clause's weight follows the words' rarity
  (a phrase rare in bodies outweighed it).
- in a long query, the words that are not required (they only rank).

Pages list groups (`group` = the parent's key or the item's own), in two requests:
1. the search collapsed on `group` gives the page's groups in order (no documents
   fetched), with the facets, the total and the number of groups;
2. the same query filtered to those groups, one `terms` bucket per group with its
   `top_hits` (the root item first, then the best members) and its count.
`collapse` with `inner_hits` did this in one request, but the node then runs one
more search per group on the page: 11 searches for a page of 10 instead of 2.
"""

from elasticsearch.dsl import Q

from ..query import ParsedQuery
from .base import GROUP_CHILDREN, SearchRequest
from .visibility import allowed_scopes

IN_FORCE_BOOST = 1.5
EXACT_BOOST = 3.0
TITLE_PHRASE_BOOST = 8.0
PHRASE_BOOST = 4.0
TITLE_WORDS_BOOST = 3.0
TITLE_EQUAL_BOOST = 60.0
TITLE_START_BOOST = 2.0  # a factor, as in the embedded engine
TEXT_FIELDS = ["number_text^10", "title_folded^4", "body_folded"]
PHRASE_FIELDS = ["title_folded^4", "body_folded"]
PREFIX_FIELDS = ("number_text", "title_folded", "body_folded")
EXACT_FIELDS = ["title^4", "body"]
MAX_GROUPS_COUNTED = 40000  # cardinality is exact below this
INNER_SORT = [{"root": {"order": "desc"}}, {"_score": {"order": "desc"}}, {"key": "asc"}]


def _term(term: str, prefix: bool):
    clause = Q("multi_match", query=term, fields=TEXT_FIELDS)
    if not prefix:
        return clause
    prefixes = [Q("prefix", **{f: term}) for f in PREFIX_FIELDS]
    return Q("bool", should=[clause, *prefixes], minimum_should_match=1)


def _number(number):
    return Q(
        "bool",
        should=[
            Q("term", **{"number_folded": {"value": number.folded, "boost": 30}}),
            Q("prefix", **{"number_folded": {"value": number.folded, "boost": 20}}),
            Q("multi_match", query=" ".join(number.tokens), type="phrase", fields=TEXT_FIELDS),
        ],
        minimum_should_match=1,
    )


def required(parsed: ParsedQuery) -> list:
    last = len(parsed.terms) - 1
    must = [_term(t, i == last and t == parsed.prefix_word) for i, t in enumerate(parsed.terms)]
    for phrase in parsed.phrases:
        must.append(Q("multi_match", query=" ".join(phrase), type="phrase", fields=PHRASE_FIELDS))
    must.extend(_number(n) for n in parsed.numbers)
    return must


def ranking(parsed: ParsedQuery) -> list:
    should = []
    if parsed.exact:
        exact = " ".join(parsed.exact)
        should.append(
            Q(
                "multi_match",
                query=exact,
                fields=EXACT_FIELDS,
                operator="and",
                boost=EXACT_BOOST * 10,
            )
        )
    if parsed.phrase:
        phrase = " ".join(parsed.phrase)
        should.append(
            Q("match_phrase", title_folded={"query": phrase, "boost": TITLE_PHRASE_BOOST})
        )
        should.append(Q("match_phrase", body_folded={"query": phrase, "boost": PHRASE_BOOST}))
    if len(parsed.terms) > 1:
        words = " ".join(parsed.terms)
        should.append(
            Q("match", title_folded={"query": words, "operator": "and", "boost": TITLE_WORDS_BOOST})
        )
    if len(parsed.words) > 1:
        title = " ".join(parsed.words)
        should.append(Q("term", title_key={"value": title, "boost": TITLE_EQUAL_BOOST}))
    if parsed.optional:
        should.append(Q("multi_match", query=" ".join(parsed.optional), fields=TEXT_FIELDS))
    return should


def _title_start(words):
    """The title begins with these words, in order (span_first: core, no scripts)."""
    clauses = [{"span_term": {"title_folded": word}} for word in words]
    near = {"span_near": {"clauses": clauses, "slop": 0, "in_order": True}}
    return {"span_first": {"match": near, "end": len(words)}}


def build_query(parsed: ParsedQuery):
    functions = [{"filter": {"term": {"in_force": True}}, "weight": IN_FORCE_BOOST}]
    if parsed.phrase:
        functions.append({"filter": _title_start(parsed.phrase), "weight": TITLE_START_BOOST})
    return Q(
        "function_score",
        query=Q("bool", must=required(parsed), should=ranking(parsed)),
        functions=functions,
        score_mode="multiply",
        boost_mode="multiply",
    )


def grouped(s, sort):
    """The search, one hit per group: only the group keys of the page, in order."""
    s = s.extra(collapse={"field": "group"}, fields=["group"]).source(False)
    s.aggs.metric("groups", "cardinality", field="group", precision_threshold=MAX_GROUPS_COUNTED)
    return s.sort(*sort)


def page_groups(hits: dict) -> list[str]:
    """The page's group keys, in order, from the collapsed search's `hits`."""
    return [hit["fields"]["group"][0] for hit in hits["hits"]]


def members(body: dict, groups: list[str]) -> dict:
    """The request body of the collapsed search `body`, limited to `groups`: each
    group's head and first members as top hits, and how many items of it matched."""
    return {
        "query": {
            "bool": {
                "must": [body.get("query") or {"match_all": {}}],
                "filter": [{"terms": {"group": groups}}],
            }
        },
        "size": 0,
        "track_total_hits": False,
        "aggs": {
            "page": {
                "terms": {"field": "group", "size": len(groups)},
                "aggs": {"members": {"top_hits": {"size": 1 + GROUP_CHILDREN, "sort": INNER_SORT}}},
            }
        },
    }


def group_rows(response: dict, groups: list[str]):
    """(doc, members) rows in page order, as base.grouped_hits takes them."""
    buckets = {b["key"]: b for b in response["aggregations"]["page"]["buckets"]}
    rows = []
    for group in groups:
        bucket = buckets.get(group)
        if bucket is None:  # changed between the two requests
            continue
        docs = [h["_source"] for h in bucket["members"]["hits"]["hits"]]
        members = bucket["doc_count"] - (1 if docs and not docs[0].get("parent") else 0)
        rows.extend((doc, members) for doc in docs)
    return rows


def visibility_query(request: SearchRequest):
    """The Elasticsearch filter (a dsl Q), or None when nothing is hidden."""
    if not request.include_private:
        return Q("term", public=True)
    if request.scopes is None:
        return None
    should = [Q("term", public=True)]
    for kind, keys in allowed_scopes(request):
        if keys is None:
            should.append(Q("term", kind=kind))
        else:
            should.append(Q("bool", filter=[Q("term", kind=kind), Q("terms", scope_key=keys)]))
    return Q("bool", should=should, minimum_should_match=1)
