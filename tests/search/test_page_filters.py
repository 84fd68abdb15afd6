"""The public search page on a phone: results first, the filters folded away."""

from datetime import date

import pytest
from django.urls import reverse

from search.engines.base import item_to_doc
from search.registry import SearchItem


@pytest.fixture
def indexed(embedded_engine):
    items = [
        SearchItem(
            kind="document",
            key=f"document:{n}",
            title=f"Kế hoạch kỷ cương hành chính số {n}",
            url=f"/van-ban/{n}/",
            number=f"{n}/KH-STTTT",
            body="Tăng cường kỷ luật, kỷ cương hành chính.",
            date=date(2017, 3, n),
            facets={"type": "Kế hoạch", "year": "2017"},
        )
        for n in (1, 2)
    ]
    embedded_engine.index([item_to_doc(i, f"t:{i.key}") for i in items])
    return embedded_engine


def test_search_filters_are_folded_before_the_results(client, indexed):
    html = client.get(reverse("search:search"), {"q": "ky cuong"}).content.decode()
    panel = html.index('<details class="filter-panel">')
    assert panel < html.index('<h2 id="facets-heading">') < html.index("</details>")
    assert html.index("</details>") < html.index('<h2 id="results-heading"')
    assert "<summary>Bộ lọc</summary>" in html
    assert 'src="/static/js/filters.js"' in html


def test_search_filter_summary_counts_the_chosen_filters(client, indexed):
    html = client.get(
        reverse("search:search"), {"q": "ky cuong", "type": "Kế hoạch", "year": "2017"}
    ).content.decode()
    assert '<summary>Bộ lọc <span class="filter-count">(2 đang chọn)</span></summary>' in html


def test_staff_search_keeps_the_filters_open(admin_client, indexed):
    html = admin_client.get("/admin/tim-kiem-van-ban/", {"q": "ky cuong"}).content.decode()
    assert '<details class="filter-panel" open>' in html
