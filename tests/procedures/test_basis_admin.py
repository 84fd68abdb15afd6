"""Admin: the "căn cứ pháp lý đã thay đổi" warning on a procedure, and the report."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from regulations.documents.models import LegalVersion
from regulations.documents.services.amend import amend
from regulations.documents.signals import version_confirmed
from regulations.procedures.models import ProcedureBasisChange
from regulations.procedures.services.affected import resolve

from .factories import (
    ProcedureFactory,
    ProcedureVersionFactory,
    UnitFactory,
    basis,
    decision,
    law_with_articles,
)

pytestmark = pytest.mark.django_db

REPORT = "procedures_admin:basis_report"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("phapche", "phapche@example.com", "x")
    client.force_login(user)
    return client


@pytest.fixture
def flagged():
    """Two procedures citing Điều 35 of a law that a new version changed; a third cites
    Điều 36, which stayed."""
    law = law_with_articles(articles=("35", "36"))
    press = UnitFactory(name="Phòng Báo chí", code="bao-chi")
    post = UnitFactory(name="Phòng Bưu chính", code="buu-chinh")
    first = ProcedureFactory(
        code="1.000001.000.00.00.H29", name="Cấp phép bản tin", handling_unit=press
    )
    second = ProcedureFactory(
        code="1.000002.000.00.00.H29", name="Cấp phép bưu chính", handling_unit=post
    )
    untouched = ProcedureFactory(
        code="1.000003.000.00.00.H29", name="Cấp phép khác", handling_unit=press
    )
    basis(ProcedureVersionFactory(procedure=first), law, "dieu-35")
    basis(ProcedureVersionFactory(procedure=second), law, "dieu-35/khoan-1")
    basis(ProcedureVersionFactory(procedure=untouched), law, "dieu-36")
    previous = law.versions.get()
    amending = decision("01/2018/QH14", issued=date(2018, 1, 5), title="Luật sửa đổi")
    version = amend(
        law, amending, date(2018, 7, 1),
        [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Nội dung mới."}],
    )  # fmt: skip
    version_confirmed.send(sender=LegalVersion, version=version, previous=previous)
    return {"first": first, "second": second, "untouched": untouched, "press": press, "post": post}


def _edit(client, procedure):
    url = reverse("wagtailsnippets_procedures_procedure:edit", args=[procedure.pk])
    return client.get(url).content.decode()


def test_procedure_edit_page_warns_that_its_basis_changed(admin_client, flagged):
    html = _edit(admin_client, flagged["first"])
    assert "basis-changed" in html and "Căn cứ pháp lý đã thay đổi" in html
    assert "Luật số 103/2016/QH13" in html and "01/07/2018" in html and "01/2018/QH14" in html
    assert "Điều 35" in html and "sửa đổi" in html
    change = ProcedureBasisChange.objects.get(procedure=flagged["first"])
    assert (
        reverse("wagtailsnippets_documents_legalversion:edit", args=[change.legal_version_id])
        in html
    )
    assert reverse("planning_admin:proposal", args=[change.review_proposal.pk]) in html
    assert reverse(REPORT) in html


def test_no_warning_when_the_basis_did_not_change_or_was_dealt_with(admin_client, flagged):
    assert "basis-changed" not in _edit(admin_client, flagged["untouched"])
    change = ProcedureBasisChange.objects.get(procedure=flagged["first"])
    resolve(change, None, "Đã rà soát.")
    assert "basis-changed" not in _edit(admin_client, flagged["first"])


def test_report_lists_flagged_procedures_and_filters_by_unit_and_status(admin_client, flagged):
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "Thủ tục có căn cứ pháp lý thay đổi" in html
    assert "1.000001.000.00.00.H29" in html and "1.000002.000.00.00.H29" in html
    assert "1.000003.000.00.00.H29" not in html
    assert "khoản 1 Điều 35 (Sửa đổi)" in html
    html = admin_client.get(reverse(REPORT), {"unit": flagged["post"].pk}).content.decode()
    assert "1.000002.000.00.00.H29" in html and "1.000001.000.00.00.H29" not in html
    resolve(ProcedureBasisChange.objects.get(procedure=flagged["first"]), None, "Xong.")
    html = admin_client.get(reverse(REPORT), {"status": "chua_xu_ly"}).content.decode()
    assert "1.000002.000.00.00.H29" in html and "1.000001.000.00.00.H29" not in html
    html = admin_client.get(reverse(REPORT), {"status": "da_xu_ly"}).content.decode()
    assert "1.000001.000.00.00.H29" in html and "1.000002.000.00.00.H29" not in html
    html = admin_client.get(reverse(REPORT)).content.decode()  # open ones first
    assert html.index("1.000002.000.00.00.H29") < html.index("1.000001.000.00.00.H29")


def test_report_exports_csv_and_xlsx_in_vietnamese(admin_client, flagged):
    response = admin_client.get(reverse(REPORT), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == [
        "Mã thủ tục", "Tên thủ tục", "Đơn vị giải quyết", "Văn bản căn cứ", "Quy định thay đổi",
    ]  # fmt: skip
    by_code = {row[0]: row for row in rows[1:]}
    assert set(by_code) == {"1.000001.000.00.00.H29", "1.000002.000.00.00.H29"}
    assert by_code["1.000001.000.00.00.H29"][2] == "Phòng Báo chí"
    assert by_code["1.000001.000.00.00.H29"][4] == "Điều 35 (Sửa đổi)"
    assert by_code["1.000001.000.00.00.H29"][8] == "Chưa xử lý"
    response = admin_client.get(reverse(REPORT), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(1, 1).value == "Mã thủ tục"
    assert sheet.cell(2, 6).value.date() == date(2018, 7, 1)
    assert sheet.cell(2, 6).number_format == "dd/mm/yyyy"


def test_report_is_in_the_reports_menu_and_closed_to_the_public(client, admin_client, rf):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = get_user_model().objects.get(username="phapche")
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    urls = [child.url for child in items["reports"].menu.menu_items_for_request(request)]
    assert reverse(REPORT) in urls
    client.logout()
    response = client.get(reverse(REPORT))
    assert response.status_code == 302 and "/login/" in response["Location"]
