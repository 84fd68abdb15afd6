"""Export a version to .docx and import it again: same metadata, same provision tree."""

import pytest
from django.urls import reverse

from regulations.documents.models import LegalDocument, LegalVersion
from regulations.wordio.blocks import (
    DOCX_CONTENT_TYPE,
    add_body_paragraph,
    add_data_table,
    add_recipients_and_signature,
    add_title,
    document_bytes,
    new_official_document,
)
from regulations.wordio.export import version_document
from regulations.wordio.importer import import_file
from regulations.wordio.importer.pipeline import parse_docx
from vietnamese.folding import fold

from .builders import decision, header, law_without_date, to_bytes

pytestmark = pytest.mark.django_db


def _tree(version):
    return [
        (p.level, p.number, " ".join(p.title.split()), "\n".join(p.text.split("\n")).strip())
        for p in version.provisions.order_by("sort_order")
    ]


def _tree_parsed(parsed):
    return [(str(r.level), r.number, " ".join(r.title.split()), r.text.strip())
            for r in parsed.outline.provisions]  # fmt: skip


def assert_round_trip(version):
    document = version.document
    parsed = parse_docx(document_bytes(version_document(version)))
    header = parsed.header
    assert (header.number.text if header.number else "") == document.number_symbol
    assert header.date == document.issued_date
    assert fold(header.type_name) == fold(document.document_type.name)
    if document.issuing_body:
        assert fold(header.issuer_name) == fold(document.issuing_body.name)
    assert fold(header.summary) == fold(" ".join((document.summary or document.title).split()))
    assert parsed.signature.signer_name == document.signer_name
    assert fold(parsed.signature.signer_title) == fold(document.signer_title)
    assert _tree_parsed(parsed) == _tree(version)


def test_generated_documents_round_trip():
    for data in (to_bytes(decision()), to_bytes(law_without_date())):
        report = import_file(data, "x.docx")
        assert report.status == "ok", report.error
        assert_round_trip(LegalVersion.objects.get(pk=report.version_id))


def _decision_head(number, summary):
    doc = new_official_document()
    header(doc, number)
    add_title(doc, "Quyết định", summary)
    return doc


def test_table_rows_that_look_like_points_come_back_as_a_table():
    doc = _decision_head("62/2024/QĐ-UBND", "Ban hành biểu thuế")
    add_body_paragraph(doc, "Điều 4. Biểu thuế", bold=True)
    add_body_paragraph(doc, "1. Biểu thuế toàn phần được quy định như sau:")
    add_data_table(
        doc,
        [
            ["Thu nhập", "Thuế suất (%)"],
            ["a) Thu nhập từ đầu tư vốn", "5"],
            ["b) Thu nhập từ trúng thưởng", "10"],
        ],
    )
    add_body_paragraph(doc, "2. Thuế suất áp dụng từ năm 2024.")
    add_recipients_and_signature(doc, ["Lưu: VT."], "Chủ tịch", "Nguyễn Văn An")
    report = import_file(to_bytes(doc), "x.docx")
    version = LegalVersion.objects.get(pk=report.version_id)
    clause = version.provisions.get(path="dieu-4/khoan-1")
    assert clause.text.endswith("a) Thu nhập từ đầu tư vốn | 5\nb) Thu nhập từ trúng thưởng | 10")
    assert not version.provisions.filter(path__startswith="dieu-4/khoan-1/diem").exists()
    assert_round_trip(version)
    exported = version_document(version)
    assert [c.text for c in exported.tables[1].rows[1].cells] == [
        "a) Thu nhập từ đầu tư vốn", "5"
    ]  # fmt: skip


def test_annex_after_the_signature_is_exported_after_it():
    doc = _decision_head("63/2024/QĐ-UBND", "Ban hành danh mục")
    add_body_paragraph(doc, "Điều 1. Danh mục", bold=True)
    add_body_paragraph(doc, "Ban hành kèm theo Quyết định này danh mục tại Phụ lục.")
    add_recipients_and_signature(doc, ["Lưu: VT."], "Chủ tịch", "Nguyễn Văn An")
    add_body_paragraph(doc, "PHỤ LỤC", bold=True, align=1)
    add_data_table(doc, [["STT", "Tên chất"], ["46", "Lá Khat"]])
    report = import_file(to_bytes(doc), "x.docx")
    version = LegalVersion.objects.get(pk=report.version_id)
    assert version.document.signer_name == "Nguyễn Văn An"
    assert version.provisions.filter(level="phu_luc", title="PHỤ LỤC").exists()
    assert_round_trip(version)
    blocks = list(version_document(version).iter_inner_content())
    texts = [b.text if hasattr(b, "text") else " ".join(c.text for c in b._cells) for b in blocks]
    signature = next(i for i, t in enumerate(texts) if "Nguyễn Văn An" in t)
    assert texts.index("PHỤ LỤC") > signature  # as in the original: annexes follow it


def test_demo_documents_round_trip(demo_site):
    versions = LegalVersion.objects.select_related("document").order_by("pk")
    assert versions.exists()
    for version in versions:
        assert_round_trip(version)


def test_public_export_of_a_published_version_and_404_for_a_draft(client):
    report = import_file(to_bytes(decision("60/2024/QĐ-UBND")), "x.docx")
    url = reverse("wordio:export_version", args=[report.version_id])
    assert url == f"/word/phien-ban/{report.version_id}.docx"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert "60-2024-qd-ubnd" in response["Content-Disposition"]
    reimported = parse_docx(response.content)
    assert reimported.header.number.text == "60/2024/QĐ-UBND"
    LegalDocument.objects.filter(pk=report.id).update(live=False)
    assert client.get(url).status_code == 404


def test_admin_upload_and_export(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("qd.docx", to_bytes(decision("61/2024/QĐ-UBND")))
    bad = SimpleUploadedFile("bad.docx", b"%PDF-1.4")
    response = admin_client.post(reverse("wordio_upload"), {"files": [upload, bad]})
    assert response.status_code == 200
    content = response.content.decode()
    assert "61/2024/QĐ-UBND" in content and "PDF" in content
    document = LegalDocument.objects.get(number_symbol="61/2024/QĐ-UBND")
    version = document.versions.get()
    exported = admin_client.get(reverse("wordio_admin_export", args=[version.pk]))
    assert exported.status_code == 200 and exported.content[:2] == b"PK"


def test_real_fixtures_round_trip():
    """Including the amending law, whose quoted articles must stay clause text."""
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "docx"
    for path in sorted(fixtures.glob("*.docx")):
        report = import_file(path.read_bytes(), path.name)
        assert report.status == "ok", report.error
        assert_round_trip(LegalVersion.objects.get(pk=report.version_id))
