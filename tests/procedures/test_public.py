"""Public catalogue (/thu-tuc/) and procedure page (/thu-tuc/<slug>/)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from .factories import (
    LegalFieldFactory,
    ProcedureFactory,
    ProcedureVersionFactory,
    UnitFactory,
    basis,
    component,
    decision,
    form_document,
    law_with_articles,
    step,
)
from .factories import method as add_method

pytestmark = pytest.mark.django_db


def _html(response):
    return response.content.decode()


def _facet_count(html, label):
    match = re.search(re.escape(label) + r'\s*<span class="facet-count">\((\d+)\)</span>', html)
    return int(match.group(1)) if match else None


@pytest.fixture
def catalogue():
    press = LegalFieldFactory(name="Báo chí", slug="bao-chi")
    post = LegalFieldFactory(name="Bưu chính", slug="buu-chinh")
    press_unit = UnitFactory(name="Phòng Báo chí, Xuất bản", code="bao-chi-xuat-ban")
    post_unit = UnitFactory(name="Phòng Bưu chính, Viễn thông", code="buu-chinh-vien-thong")
    made = [
        ProcedureFactory(name="Cấp giấy phép xuất bản bản tin", legal_field=press,
                         handling_unit=press_unit),
        ProcedureFactory(name="Cấp giấy phép in", legal_field=press, handling_unit=press_unit,
                         level="huyen"),
        ProcedureFactory(name="Cấp giấy phép bưu chính", legal_field=post,
                         handling_unit=post_unit),
        ProcedureFactory(name="Thủ tục nháp chưa công bố", legal_field=post,
                         handling_unit=post_unit, live=False),
    ]  # fmt: skip
    for procedure in made:
        add_method(ProcedureVersionFactory(procedure=procedure), days=10)
    return made


def test_catalogue_lists_only_live_procedures_with_facet_counts(client, catalogue):
    response = client.get(reverse("procedures:catalogue"))
    assert response.status_code == 200
    html = _html(response)
    assert "Cấp giấy phép xuất bản bản tin" in html and "Cấp giấy phép bưu chính" in html
    assert "Thủ tục nháp chưa công bố" not in html
    assert _facet_count(html, "Báo chí") == 2
    assert _facet_count(html, "Bưu chính") == 1
    assert _facet_count(html, "Phòng Bưu chính, Viễn thông") == 1
    assert _facet_count(html, "Cấp tỉnh") == 2 and _facet_count(html, "Cấp huyện") == 1
    assert "Tìm thấy 3 thủ tục" in html
    assert "10 ngày làm việc" in html


def test_catalogue_filters_by_field_unit_level_and_text(client, catalogue):
    html = _html(client.get("/thu-tuc/", {"linh_vuc": "bao-chi"}))
    assert "Tìm thấy 2 thủ tục" in html and "Cấp giấy phép bưu chính</a>" not in html
    # Other facets count within the chosen field; the field facet keeps its own counts.
    assert _facet_count(html, "Cấp huyện") == 1 and _facet_count(html, "Bưu chính") == 1
    assert 'aria-current="true"' in html

    html = _html(client.get("/thu-tuc/", {"co_quan": "buu-chinh-vien-thong"}))
    assert "Tìm thấy 1 thủ tục" in html and "Cấp giấy phép bưu chính" in html

    html = _html(client.get("/thu-tuc/", {"cap": "huyen"}))
    assert "Tìm thấy 1 thủ tục" in html and "Cấp giấy phép in" in html

    html = _html(client.get("/thu-tuc/", {"q": "BUU CHINH"}))  # folded, no diacritics
    assert "Tìm thấy 1 thủ tục" in html and "Cấp giấy phép bưu chính" in html

    html = _html(client.get("/thu-tuc/", {"q": catalogue[0].code}))
    assert "Tìm thấy 1 thủ tục" in html


@pytest.fixture
def full_procedure():
    field = LegalFieldFactory(name="Báo chí", slug="bao-chi")
    procedure = ProcedureFactory(
        code="1.004662.000.00.00.H29",
        name="Cấp giấy phép xuất bản bản tin",
        procedure_type="TTHC không được luật giao",
        legal_field=field,
    )
    announcing = decision()
    first = ProcedureVersionFactory(procedure=procedure, decision=announcing)
    step(first, "Bước 1: Nộp hồ sơ tại Bộ phận Một cửa", 0)
    step(first, "Bước 2: Thẩm định hồ sơ", 1)
    add_method(first, "truc_tiep", 15, 0, 0)
    add_method(first, "buu_chinh", 15, 0, 1)
    form = form_document("Mẫu số 01 – Tờ khai đề nghị", b"PK\x03\x04 form bytes")
    component(first, "Tờ khai đề nghị cấp giấy phép", 1, 0, form, 0)
    component(first, "Sơ yếu lý lịch", 1, 0, None, 1)
    law = law_with_articles(articles=("35",))
    basis(first, law, "dieu-35/khoan-1")
    amending = decision("4830/QĐ-UBND", date(2018, 8, 20), "Quyết định sửa đổi")
    second = ProcedureVersionFactory(
        procedure=procedure,
        effective_from=date(2018, 9, 1),
        decision=amending,
        change_summary="Rút ngắn thời hạn, bỏ sơ yếu lý lịch",
    )
    step(second, "Bước 1: Nộp hồ sơ tại Bộ phận Một cửa", 0)
    add_method(second, "truc_tiep", 10, 0, 0)
    add_method(second, "truc_tuyen", 10, 0, 1)
    component(second, "Tờ khai đề nghị cấp giấy phép", 1, 0, form, 0)
    basis(second, law, "dieu-35/khoan-1")
    return procedure, first, second, form, law


def test_detail_page_shows_every_field_of_the_current_version(client, full_procedure):
    procedure, first, second, form, law = full_procedure
    response = client.get(procedure.get_absolute_url())
    assert response.status_code == 200
    html = _html(response)
    for text in [
        "1.004662.000.00.00.H29",
        "Cấp giấy phép xuất bản bản tin",
        "Cấp tỉnh",
        "TTHC không được luật giao",
        "Báo chí",
        "Quyết định số 1507/QĐ-UBND",
        "Bước 1: Nộp hồ sơ tại Bộ phận Một cửa",
        "Trực tiếp",
        "Trực tuyến",
        "10 ngày làm việc",
        "Không thu",
        "Tờ khai đề nghị cấp giấy phép",
        "Bản chính: 1 - Bản sao: 0",
        second.applicants,
        second.implementing_agency,
        second.coordinating_agency,
        second.submission_place,
        second.result,
        second.requirements,
        "Luật số 103/2016/QH13",
        "khoản 1 Điều 35",
    ]:
        assert text in html, text
    # current version only: the removed component is not in the dossier table
    dossier = html[html.index('id="components-heading"') : html.index('id="agencies-heading"')]
    assert "Sơ yếu lý lịch" not in dossier
    assert f'href="{law.get_absolute_url()}#dieu-35-khoan-1"' in html
    assert f'href="{form.url}"' in html
    assert '<html lang="vi">' in html and "<caption" in html and 'scope="col"' in html


def test_form_template_is_downloadable(client, settings, tmp_path):
    # Real files on disk, as in production (the default test storage is in memory).
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    form = form_document("Mẫu số 02 – Đơn đề nghị", b"PK\x03\x04 form bytes")
    version = ProcedureVersionFactory()
    add_method(version)
    component(version, "Đơn đề nghị", 1, 0, form)
    html = _html(client.get(version.procedure.get_absolute_url()))
    assert f'<a href="{form.url}" download>' in html
    response = client.get(form.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK\x03\x04 form bytes"
    assert "attachment" in response["Content-Disposition"]


def test_detail_page_shows_simplification_history_before_and_after(client, full_procedure):
    procedure, *_rest = full_procedure
    html = _html(client.get(procedure.get_absolute_url()))
    history = html[html.index('id="history-heading"') :]
    assert "Áp dụng từ ngày 01/09/2018" in history
    assert "4830/QĐ-UBND" in history
    assert "Rút ngắn thời hạn, bỏ sơ yếu lý lịch" in history
    assert re.search(r"15 ngày</td>\s*<td>10 ngày <span class=\"saving\">\(−5\)", history)
    assert "<del>Sơ yếu lý lịch</del>" in history
    assert "Thành phần hồ sơ: 2 → 1 giấy tờ." in history


def test_detail_page_can_show_an_earlier_version(client, full_procedure):
    procedure, first, *_rest = full_procedure
    html = _html(client.get(procedure.get_absolute_url(), {"phien_ban": first.pk}))
    assert "không phải nội dung hiện hành" in html
    assert "15 ngày làm việc" in html and "Sơ yếu lý lịch" in html
    html = _html(client.get(procedure.get_absolute_url(), {"ngay": "01/01/2018"}))
    assert "15 ngày làm việc" in html


def test_unpublished_procedure_is_not_public(client, full_procedure):
    procedure, *_rest = full_procedure
    procedure.live = False
    procedure.save()
    assert client.get(procedure.get_absolute_url()).status_code == 404
    assert procedure.name not in _html(client.get("/thu-tuc/"))


def test_catalogue_filters_fold_away_before_the_results(client, catalogue):
    html = _html(client.get("/thu-tuc/"))
    facets = html.split('<nav class="procedure-facets"')[1].split("</nav>")[0]
    # The first thing in the filters is the fold.
    assert re.match(r'\s*aria-label="[^"]+">\s*<details class="filter-panel">', facets)
    assert "<summary>Bộ lọc</summary>" in facets
    chosen = _html(client.get("/thu-tuc/", {"linh_vuc": "bao-chi", "cap": "tinh"}))
    assert '<span class="filter-count">(2 đang chọn)</span>' in chosen


def test_catalogue_count_heading_is_in_english_in_english_mode(client, catalogue):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = _html(client.get("/thu-tuc/"))
    assert '<h2 id="results-heading">3 procedures found</h2>' in html
    assert "<h1>Catalogue of administrative procedures</h1>" in html
    one = _html(client.get("/thu-tuc/", {"co_quan": "buu-chinh-vien-thong"}))
    assert '<h2 id="results-heading">1 procedure found</h2>' in one
