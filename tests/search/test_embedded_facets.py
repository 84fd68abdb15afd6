"""Embedded engine facets: stored by name in the entry's JSON, none a column."""

from search.engines.base import SearchRequest, item_to_doc
from search.models import SearchEntry
from search.query import parse_query
from search.registry import registry

from .contract_items import item


def _index(engine, items):
    engine.index([item_to_doc(i, f"test:{i.key}") for i in items])


def _search(engine, q="", **filters):
    filters = {k: v if isinstance(v, list) else [v] for k, v in filters.items()}
    return engine.search(SearchRequest(query=parse_query(q), filters=filters))


def _counts(results, name):
    return {f["value"]: f["count"] for f in results.facets[name]}


def test_a_facet_an_app_declares_is_counted_and_filters_with_no_column(
    embedded_engine, monkeypatch
):
    monkeypatch.setitem(registry.facets, "quarter", "Quý")  # as register_facet would
    _index(
        embedded_engine,
        [
            item("survey:1", "Phiếu khảo sát quý 1", facets={"quarter": "2017-Q1", "unit": "3"}),
            item("survey:2", "Phiếu khảo sát quý 2", facets={"quarter": "2017-Q2", "unit": "3"}),
            item("survey:3", "Phiếu khảo sát quý 2", facets={"quarter": "2017-Q2"}),
        ],
    )
    results = _search(embedded_engine, "phieu khao sat")
    assert results.total == 3
    assert _counts(results, "quarter") == {"2017-Q2": 2, "2017-Q1": 1}
    assert _counts(results, "unit") == {"3": 2}
    assert {h.key for h in _search(embedded_engine, "khao sat", quarter="2017-Q2").hits} == {
        "survey:2",
        "survey:3",
    }
    assert [h.key for h in _search(embedded_engine, quarter="2017-Q1").hits] == ["survey:1"]
    assert _search(embedded_engine, quarter=["2017-Q1", "2017-Q2"], unit="3").total == 2


def test_facet_counts_stay_exact_across_items_of_different_facets(embedded_engine):
    _index(
        embedded_engine,
        [
            item(f"provision:{i}", f"Điều {i}. Giấy phép", facets=facets)
            for i, facets in enumerate(
                [
                    {"type": "Luật", "year": "2016"},
                    {"year": "2016", "type": "Luật"},  # same facets, other key order
                    {"type": "Luật", "year": "2018"},
                    {"type": "Nghị định", "year": "2018", "status": "Còn hiệu lực"},
                    {},
                ]
            )
        ],
    )
    results = _search(embedded_engine, "giay phep")
    assert results.total == 5
    assert _counts(results, "kind") == {"provision": 5}
    assert _counts(results, "type") == {"Luật": 3, "Nghị định": 1}
    assert _counts(results, "year") == {"2016": 2, "2018": 2}
    assert _counts(results, "status") == {"Còn hiệu lực": 1}


def test_facets_are_kept_in_the_entry_json(embedded_engine):
    _index(embedded_engine, [item("provision:1", "Điều 1", facets={"type": "Luật", "year": 2016})])
    entry = SearchEntry.objects.get(key="provision:1")
    assert entry.facets == {"type": "Luật", "year": "2016"}
    assert not [f for f in SearchEntry._meta.get_fields() if f.name.startswith("facet_")]


def test_a_facet_no_app_declares_is_stored_but_not_counted(embedded_engine):
    _index(embedded_engine, [item("survey:1", "Phiếu khảo sát", facets={"quarter": "2017-Q1"})])
    assert "quarter" not in _search(embedded_engine, "phieu khao sat").facets
    assert SearchEntry.objects.get(key="survey:1").facets == {"quarter": "2017-Q1"}
