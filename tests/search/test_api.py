"""The public page, the JSON API and the admin search view."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from search.engines.base import item_to_doc
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
        {"q": "x" * 201},
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
    response = client.get(reverse("search:search"), {"q": "x" * 300})
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
