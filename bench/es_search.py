"""The search benchmark's Elasticsearch part (`python -m bench search`, step 5): on one
real node, indexing throughput of the engine vs raw helpers.bulk, and the queries
through the engine vs a raw query of their terms (the floor)."""

import time

from bench.es_node import ElasticsearchNode
from bench.search_stats import ms, recall, time_queries


def es_step(docs, queries, recall_queries):
    """Step 5 as the report reads it: bench_es on `docs`, recall@10 of `recall_queries`.

    {"docs", "count", "times", "raw", "recall", "raw_rate", "engine_rate", "outbox_rate"}.
    """
    rates, count, search_t, raw_t, tops = bench_es(docs, queries)
    raw_rate, engine_rate, outbox_rate = rates
    es_recall = recall(tops, recall_queries)
    print(f"  es {ms(search_t)} | raw {ms(raw_t)} | recall {es_recall}", flush=True)
    return {
        "docs": len(docs),
        "count": count,
        "times": search_t,
        "raw": raw_t,
        "recall": es_recall,
        "raw_rate": raw_rate,
        "engine_rate": engine_rate,
        "outbox_rate": outbox_rate,
    }


def bench_es(docs, queries):
    """On one real node: raw helpers.bulk vs the engine's rebuild and outbox paths on the
    same documents, then the 50 queries through the engine (facets, highlights, total
    count) vs a raw query of the same terms on the same index (the floor)."""
    # The engine is Django code: imported once setup_django() has run.
    from elasticsearch import Elasticsearch

    from search.engines.elastic import ElasticsearchEngine

    cluster = ElasticsearchNode()
    try:
        client = Elasticsearch(cluster.url, request_timeout=120)
        raw_rate = _raw_bulk_rate(client, docs)
        engine = ElasticsearchEngine(client, prefix="bench")
        t = time.perf_counter()
        engine.rebuild(iter(docs), total=len(docs))
        engine_rate = len(docs) / (time.perf_counter() - t)
        count = client.count(index=engine.alias)["count"]
        print(f"  es index: {count} docs, raw {raw_rate:.0f}/s engine {engine_rate:.0f}/s")
        search_t, raw_t, tops = _es_query_times(engine, queries)
        t = time.perf_counter()
        for i in range(0, len(docs), 500):  # the outbox path: apply() in batches of 500
            engine.apply([("index", d["key"], d) for d in docs[i : i + 500]])
        engine.refresh()
        outbox_rate = len(docs) / (time.perf_counter() - t)
        rates = raw_rate, engine_rate, outbox_rate
        return rates, count, search_t, raw_t, tops
    finally:
        cluster.close()


def _raw_bulk_rate(client, docs):
    from elasticsearch import helpers
    from elasticsearch.dsl import Index

    from search.engines.elastic_schema import SearchDoc, es_source

    raw_index = Index("raw_bulk", using=client)
    raw_index.settings(number_of_shards=1, number_of_replicas=0)
    raw_index.document(SearchDoc)
    raw_index.create()
    t = time.perf_counter()
    helpers.bulk(
        client,
        ({"_index": "raw_bulk", "_id": d["key"], "_source": es_source(d)} for d in docs),
        chunk_size=500,
    )
    client.indices.refresh(index="raw_bulk")
    rate = len(docs) / (time.perf_counter() - t)
    client.indices.delete(index="raw_bulk")
    return rate


def _es_query_times(engine, queries):
    from search.engines.base import SearchRequest
    from search.engines.elastic_query import TEXT_FIELDS
    from search.query import parse_query

    def ours(q):
        results = engine.search(SearchRequest(query=parse_query(q), per_page=10))
        return [h.key for h in results.hits]

    def raw(q):
        must = [
            {"multi_match": {"query": term, "fields": TEXT_FIELDS}} for term in parse_query(q).terms
        ]
        body = {"query": {"bool": {"must": must}}, "size": 10, "_source": ["key"]}
        return [
            h["_source"]["key"]
            for h in engine.client.search(index=engine.alias, **body)["hits"]["hits"]
        ]

    ours(queries[0][0])  # warm the caches as the embedded run does
    our_times, tops = time_queries(ours, queries)
    raw_times, _ = time_queries(raw, queries)
    return our_times, raw_times, tops
