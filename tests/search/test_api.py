"""The public page, the JSON API and the admin search view."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from search.engines.base import item_to_doc
from search.query import MAX_QUERY_LENGTH, MAX_WORDS
from search.registry import SearchItem


@pytest.fixture
def indexed(embedded_engine):
    items = [
        SearchItem(
            kind="document",
            key="document:1",
            title="Năm kỷ cương hành chính 2017",
            url="/van-ban/572-kh-stttt/",
            number="572/KH-STTTT",
            body="Tăng cường <b>kỷ luật</b>, kỷ cương hành chính.",
            date=date(2017, 3, 31),
            facets={"type": "Kế hoạch", "year": "2017", "issuer": "Sở TTTT"},
        ),
        SearchItem(
            kind="task",
            key="task:1",
            title="Rà soát kỷ cương nội bộ",
            url="/admin/x/",
            public=False,
            facets={"unit": "Văn phòng Sở"},
        ),
    ]
    embedded_engine.index([item_to_doc(i, f"t:{i.key}") for i in items])
    return embedded_engine


def test_api_shape(client, indexed):
    response = client.get(reverse("search:api"), {"q": "ky cuong"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    hit = data["results"][0]
    assert set(hit) >= {"kind", "title", "number", "url", "snippet"}
    assert hit["number"] == "572/KH-STTTT" and hit["kind"] == "document"
    assert "<mark>kỷ</mark>" in hit["snippet"] and "&lt;b&gt;" in hit["snippet"]
    assert data["facets"]["type"] == [{"value": "Kế hoạch", "count": 1}]


def test_api_filters(client, indexed):
    url = reverse("search:api")
    assert (
        client.get(url, {"q": "ky cuong", "type": "Kế hoạch", "year": "2017"}).json()["count"] == 1
    )
    assert client.get(url, {"q": "ky cuong", "issuer": "Khác"}).json()["count"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * (MAX_QUERY_LENGTH + 1)},
        {"q": "ab " * (MAX_WORDS + 1)},
        {"q": "ok", "page": "abc"},
        {"q": "ok", "page": "0"},
        {"q": "a\x00b"},
        {"q": "ok", "sort": "random"},
        {"q": "ok", "type": "t" * 300},
    ],
)
def test_api_rejects_bad_input_with_400(client, indexed, params):
    response = client.get(reverse("search:api"), params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_api_hides_staff_only_items_from_public(client, indexed):
    assert client.get(reverse("search:api"), {"q": "ra soat"}).json()["count"] == 0


def test_api_shows_staff_only_items_to_staff_within_their_scope(client, indexed):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("canbo", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("search:api"), {"q": "ra soat"}).json()["count"] == 0
    user.user_permissions.add(Permission.objects.get(codename="view_plantask"))
    assert client.get(reverse("search:api"), {"q": "ra soat"}).json()["count"] == 1


def test_public_page_renders_results_and_facets(client, indexed):
    response = client.get(reverse("search:search"), {"q": "ky cuong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="search-q">' in html
    assert "<mark>kỷ</mark>" in html
    assert "Kế hoạch" in html and "(1)" in html  # facet with count
    assert "Rà soát" not in html


def test_public_page_reports_bad_query(client, indexed):
    response = client.get(reverse("search:search"), {"q": "x" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 400
    assert "quá dài" in response.content.decode()


def test_public_page_without_query(client, indexed):
    assert client.get(reverse("search:search")).status_code == 200


def test_admin_search_includes_staff_only(client, indexed):
    user = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(user)
    response = client.get(reverse("search_admin"), {"q": "ra soat"})
    assert response.status_code == 200
    assert "<mark>soát</mark> kỷ cương nội bộ" in response.content.decode()


def _document_with_provisions(engine, count=6):
    items = [
        SearchItem(kind="document", key="document:9", title="Quy chế làm việc", url="/van-ban/qc/"),
        *(
            SearchItem(
                kind="provision",
                key=f"provision:9{i}",
                title=f"Điều {i} – Quy chế làm việc",
                url=f"/van-ban/qc/#d{i}",
                body="Cán bộ làm việc theo quy chế làm việc.",
                parent="document:9",
            )
            for i in range(1, count + 1)
        ),
    ]
    engine.index([item_to_doc(i, f"t:{i.key}") for i in items])


def test_public_page_groups_provisions_under_their_document(client, embedded_engine):
    _document_with_provisions(embedded_engine)
    html = client.get(reverse("search:search"), {"q": "quy che lam viec"}).content.decode()
    assert html.count('class="search-children"') == 1
    assert "6 kết quả khớp trong mục này" in html
    assert "parent=document%3A9" in html
    listing = client.get(
        reverse("search:search"), {"q": "quy che lam viec", "parent": "document:9"}
    )
    assert listing.content.decode().count("/van-ban/qc/#d") == 6


def test_api_gives_groups_with_their_members(client, embedded_engine):
    _document_with_provisions(embedded_engine)
    data = client.get(reverse("search:api"), {"q": "quy che lam viec"}).json()
    assert data["count"] == 1 and data["total"] == 7
    head = data["results"][0]
    assert head["url"] == "/van-ban/qc/" and head["members"] == 6
    assert [c["parent"] for c in head["children"]] == ["document:9"] * 3
