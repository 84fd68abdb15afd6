"""An Elasticsearch index made before results were grouped keeps serving, ungrouped."""

from search.engines.base import SearchRequest, item_to_doc
from search.engines.elastic_schema import index_mappings
from search.query import parse_query

from .conftest import make_es_engine
from .contract_data import RULES, working_rules


def test_an_index_without_the_group_field_serves_ungrouped_until_rebuilt(es_url, db):
    engine = make_es_engine(es_url)
    try:
        mappings = index_mappings()
        for name in ("group", "root", "title_key"):
            del mappings["properties"][name]
        old = f"{engine.alias}_old"
        engine.client.indices.create(index=old, mappings=mappings)
        engine.client.indices.put_alias(index=old, name=engine.alias)
        engine.ensure_index()
        assert engine.groups is False
        docs = [item_to_doc(i, f"t:{i.key}") for i in working_rules()]
        for doc in docs:  # written as the old code wrote them
            doc.pop("parent")
        engine.index(docs)
        request = SearchRequest(query=parse_query("quy che lam viec"))
        results = engine.search(request)
        assert results.count == results.total == 13
        engine.rebuild([item_to_doc(i, f"t:{i.key}") for i in working_rules()])
        results = engine.search(request)
        assert engine.groups and results.count == 1 and results.hits[0].key == RULES
    finally:
        for name in engine.client.indices.get(index=f"{engine.alias}*"):
            engine.client.indices.delete(index=name, ignore_unavailable=True)
