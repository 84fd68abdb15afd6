"""The admin upload page: the result links to the document, dates read dd/mm/yyyy, only
the levels found are counted; re-importing offers "phiên bản mới của văn bản đã có"."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regulations.documents.models import LegalDocument, LegalVersion
from regulations.wordio.blocks import add_body_paragraph
from regulations.wordio.importer import import_file

from .builders import decision, to_bytes

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/word/nhap/"
NUMBER = "40/2024/QĐ-UBND"


@pytest.fixture
def officer(client, media, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("pc", "pc@example.com", "x"))
    return client


def _post(client, doc, name="qd.docx", **fields):
    upload = SimpleUploadedFile(name, to_bytes(doc))
    return client.post(UPLOAD, {"files": upload, "kind": "", **fields}).content.decode()


def test_result_links_to_the_imported_document_with_dd_mm_yyyy_and_no_zero_counts(officer):
    html = _post(officer, decision(NUMBER, chapters=2))
    document = LegalDocument.objects.get(number_symbol=NUMBER)
    edit = reverse("wagtailsnippets_documents_legaldocument:edit", args=[document.pk])
    assert f'<a href="{edit}">Đã nhập (#{document.pk})</a>' in html
    assert "07/05/2024" in html and "2024-05-07" not in html
    assert "2 chương, 6 điều, 12 khoản, 12 điểm" in html
    assert "phần" not in html.split("Kết quả nhập từng tệp")[1]


def test_dry_run_warns_that_the_number_is_already_in_the_library(officer):
    first = import_file(to_bytes(decision(NUMBER)), "v1.docx")
    html = _post(officer, decision(NUMBER), dry_run="on")
    assert f"Số, ký hiệu “{NUMBER}” đã có trong thư viện (văn bản #{first.id})" in html
    assert "Phiên bản mới của văn bản đã có" in html
    report = import_file(to_bytes(decision(NUMBER)), "v2.docx", dry_run=True)
    assert report.ok and any("đã có trong thư viện" in w for w in report.warnings)
    assert LegalVersion.objects.filter(document_id=first.id).count() == 1


def test_upload_page_adds_a_new_version_of_an_existing_document_with_its_date(officer):
    first = import_file(to_bytes(decision(NUMBER)), "v1.docx")
    assert "Phiên bản mới của văn bản đã có" in officer.get(UPLOAD).content.decode()
    refused = _post(officer, decision(NUMBER, chapters=1))
    assert "đã có trong thư viện" in refused and "--as-version-of" in refused
    html = _post(
        officer,
        decision(NUMBER, chapters=1),
        mode="phien_ban_moi",
        as_version_of=str(first.id),
        effective_from="01/07/2024",
    )
    assert "phiên bản mới có hiệu lực từ 01/07/2024" in html
    versions = LegalVersion.objects.filter(document_id=first.id).order_by("effective_from")
    assert [v.effective_from for v in versions] == [date(2024, 5, 7), date(2024, 7, 1)]
    assert versions.last().provisions.filter(level="dieu").count() == 3
    assert LegalDocument.objects.filter(number_symbol=NUMBER).count() == 1


def test_new_version_without_a_chosen_document_is_refused_and_nothing_is_stored(officer):
    doc = decision(NUMBER)
    add_body_paragraph(doc, "Quyết định này có hiệu lực từ ngày 01 tháng 7 năm 2024.")
    html = _post(officer, doc, mode="phien_ban_moi")
    assert "Chọn văn bản đã có để nhập tệp thành phiên bản mới." in html
    assert not LegalDocument.objects.exists()


def test_upload_page_loads_the_date_and_document_choosers_before_their_scripts(officer):
    html = officer.get(UPLOAD).content.decode()
    assert html.index("date-time-chooser.js") < html.index("initDateChooser(")
    assert "wagtailsnippets/js/snippet-chooser.js" in html  # the document chooser
