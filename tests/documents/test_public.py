"""Public library: list with filters and facets, document page, provision URL, compare."""

from datetime import date

import pytest
from django.urls import reverse

from regulations.documents.models import DocumentRelation, DocumentType, RelationType
from regulations.documents.services.amend import amend
from regulations.documents.structure import anchor
from regulations.documents.views import public as public_views

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    plan = make_document(
        "572/KH-STTTT", "Kế hoạch", date(2017, 3, 31), title="Kế hoạch Năm kỷ cương hành chính"
    )
    city = make_document(
        "69/KH-UBND", "Kế hoạch", date(2017, 3, 20), issuer="UBND", title="Kế hoạch của UBND"
    )
    directive = make_document(
        "01/CT-UBND", "Chỉ thị", date(2017, 1, 6), issuer="UBND", title="Chỉ thị kỷ cương"
    )
    rules = make_document(
        "125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế làm việc của Sở"
    )
    make_version(rules, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    amend(
        rules,
        amending,
        date(2017, 7, 1),
        [
            {"path": "dieu-3", "text": "Giao ban vào sáng thứ Ba hằng tuần."},
            {"path": "dieu-4", "action": "repeal"},
        ],
    )
    draft = make_document("999/KH-STTTT", "Kế hoạch", date(2017, 5, 5), live=False)
    DocumentRelation.objects.create(source=plan, relation_type=RelationType.BASED_ON, target=city)
    return {
        "plan": plan,
        "city": city,
        "directive": directive,
        "rules": rules,
        "amending": amending,
        "draft": draft,
    }


def _facet(response, param):
    return {
        label: count
        for _v, label, count, _s in next(
            f for f in response.context["facets"] if f.param == param
        ).options
    }


def test_library_lists_only_published_documents_with_facet_counts(client, library):
    response = client.get(reverse("documents:library"))
    assert response.status_code == 200
    numbers = {d.number_symbol for d in response.context["documents"]}
    assert "999/KH-STTTT" not in numbers and "572/KH-STTTT" in numbers
    assert response.context["total"] == 5
    assert _facet(response, "loai") == {"Kế hoạch": 2, "Chỉ thị": 1, "Quy chế": 1, "Quyết định": 1}
    assert _facet(response, "nam") == {2017: 5} or _facet(response, "nam") == {"2017": 5}


def test_filter_narrows_the_list_and_other_facets_but_keeps_its_own(client, library):
    plan_type = DocumentType.objects.get(name="Kế hoạch")
    response = client.get(reverse("documents:library"), {"loai": plan_type.pk})
    numbers = {d.number_symbol for d in response.context["documents"]}
    assert numbers == {"572/KH-STTTT", "69/KH-UBND"}
    # The type facet still offers the other types (counted without its own filter)…
    assert _facet(response, "loai")["Chỉ thị"] == 1
    # …while the issuer facet counts within the chosen type.
    assert sorted(_facet(response, "co_quan").values()) == [1, 1]
    assert 'aria-current="true"' in response.content.decode()


def test_bad_filter_values_are_ignored_and_sorting_works(client, library):
    response = client.get(
        reverse("documents:library"), {"loai": "abc", "hieu_luc": "x", "sap_xep": "ten"}
    )
    assert response.status_code == 200 and response.context["total"] == 5
    titles = [d.title for d in response.context["documents"]]
    assert titles == sorted(titles)


def test_text_query_matches_number_and_title(client, library):
    response = client.get(reverse("documents:library"), {"q": "CT-UBND"})
    assert [d.number_symbol for d in response.context["documents"]] == ["01/CT-UBND"]


def test_pagination(client, library, monkeypatch):
    monkeypatch.setattr(public_views, "PER_PAGE", 2)
    response = client.get(reverse("documents:library"), {"trang": 3})
    assert response.context["page_obj"].number == 3
    assert len(response.context["documents"]) == 1
    assert 'rel="prev"' in response.content.decode()


def test_document_page_shows_metadata_toc_anchors_and_relations(client, library):
    rules = library["rules"]
    response = client.get(reverse("documents:detail", args=[rules.slug]))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">Số, ký hiệu</th><td>125/QĐ-STTTT</td>' in content
    assert f'id="{anchor("dieu-2/khoan-2/diem-a")}"' in content
    assert f'href="#{anchor("dieu-3")}"' in content  # table of contents
    # Current version: Điều 4 repealed, Điều 3 changed and marked.
    assert 'id="dieu-4"' not in content
    assert "thứ Ba" in content and "Được sửa đổi, bổ sung bởi" in content
    # Relations from the amended side use the backward wording.
    assert "được sửa đổi, bổ sung bởi" in content and "Bị bãi bỏ bởi" not in content
    assert "bị bãi bỏ bởi" in content


def test_relations_are_worded_from_each_side(client, library):
    plan = client.get(reverse("documents:detail", args=[library["plan"].slug])).content.decode()
    city = client.get(reverse("documents:detail", args=[library["city"].slug])).content.decode()
    assert "Căn cứ" in plan and "69/KH-UBND" in plan
    assert "Là căn cứ của" in city and "572/KH-STTTT" in city


def test_in_force_on_date_control_shows_the_old_text(client, library):
    url = reverse("documents:detail", args=[library["rules"].slug])
    old = client.get(url, {"ngay": "2017-06-30"}).content.decode()
    assert 'id="dieu-4"' in old and "thứ Hai" in old
    assert "Sau đó được sửa đổi từ ngày 01/07/2017" in old
    new = client.get(url, {"ngay": "2017-07-01"}).content.decode()
    assert 'id="dieu-4"' not in new
    bad = client.get(url, {"ngay": "31/02/2017"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()


def test_date_is_accepted_day_first_as_shown(client, library):
    url = reverse("documents:detail", args=[library["rules"].slug])
    day_first = client.get(url, {"ngay": "30/06/2017"})
    iso = client.get(url, {"ngay": "2017-06-30"})
    assert "không hợp lệ" not in day_first.content.decode()
    assert day_first.context["version"] == iso.context["version"]


def test_date_before_the_document_says_so_and_shows_the_original_text(client, library):
    rules = library["rules"]
    url = reverse("documents:detail", args=[rules.slug])
    early = client.get(url, {"ngay": "2016-01-01"})
    html = early.content.decode()
    assert "chưa được ban hành" in html or "chưa có hiệu lực" in html
    assert early.context["version"] == rules.versions.order_by("effective_from").first()


def test_version_selector(client, library):
    rules = library["rules"]
    first = rules.versions.order_by("effective_from").first()
    response = client.get(reverse("documents:detail", args=[rules.slug]), {"phien_ban": first.pk})
    assert response.context["version"] == first


def test_provision_url_shows_the_provision_or_a_404_with_message(client, library):
    rules = library["rules"]
    url = reverse("documents:provision", args=[rules.slug, "dieu-2/khoan-2/diem-a"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Điểm a khoản 2 Điều 2" in response.content.decode()
    assert response.context["focus"].path == "dieu-2/khoan-2/diem-a"
    missing = client.get(reverse("documents:provision", args=[rules.slug, "dieu-99/khoan-1"]))
    assert missing.status_code == 404
    assert "không có khoản 1 Điều 99" in missing.content.decode()
    # A repealed article is still reachable in the version that had it.
    repealed = client.get(reverse("documents:provision", args=[rules.slug, "dieu-4"]))
    assert repealed.status_code == 200
    assert "không có trong phiên bản đang xem" in repealed.content.decode()


def test_unpublished_document_is_not_public(client, library):
    response = client.get(reverse("documents:detail", args=[library["draft"].slug]))
    assert response.status_code == 404


def test_compare_shows_changed_and_removed_with_marks(client, library):
    rules = library["rules"]
    response = client.get(reverse("documents:compare", args=[rules.slug]))
    content = response.content.decode()
    assert response.status_code == 200
    statuses = {e.path: e.status for e in response.context["changed"]}
    assert statuses == {"dieu-3": "changed", "dieu-4": "removed"}
    assert "<del>Hai</del>" in content and "<ins>Ba</ins>" in content
    versions = list(rules.versions.order_by("effective_from"))
    same = client.get(
        reverse("documents:compare", args=[rules.slug]),
        {"from": versions[1].pk, "to": versions[1].pk},
    )
    assert "giống nhau" in same.content.decode()
    other = client.get(reverse("documents:compare", args=[rules.slug]), {"from": "999999"})
    assert "không thuộc văn bản này" in other.content.decode()


def test_docx_link_points_to_the_export_when_it_exists(client, library):
    from django.urls import NoReverseMatch

    rules = library["rules"]
    response = client.get(reverse("documents:detail", args=[rules.slug]))
    try:
        expected = reverse("wordio:export_version", args=[response.context["version"].pk])
    except NoReverseMatch:
        expected = ""
    assert response.context["docx_url"] == expected
    if expected:
        assert expected in response.content.decode()


def test_library_filters_fold_away_before_the_results(client, library):
    """On a phone the results must come first: the filters sit in a closed <details>
    (js/filters.js opens it on wide screens), whose summary counts the chosen ones."""
    html = client.get(reverse("documents:library")).content.decode()
    panel = html.index('<details class="filter-panel">')
    assert panel < html.index('<h2 id="filters-heading">') < html.index("</details>")
    assert html.index("</details>") < html.index('<h2 id="results-heading">')
    assert "<summary>Bộ lọc</summary>" in html
    assert 'src="/static/js/filters.js"' in html
    plan_type = DocumentType.objects.get(name="Kế hoạch")
    chosen = client.get(reverse("documents:library"), {"loai": plan_type.pk}).content.decode()
    assert '<summary>Bộ lọc <span class="filter-count">(1 đang chọn)</span></summary>' in chosen
