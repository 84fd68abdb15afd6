"""Import into the database: metadata, structure, no text lost, versions, the command."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from regulations.documents.models import LegalDocument, LegalVersion, Provision
from regulations.wordio.blocks import add_body_paragraph, new_official_document
from regulations.wordio.importer import import_file
from regulations.wordio.importer.pipeline import parse_docx

from .builders import (
    add_numbering,
    centred,
    decision,
    header,
    law_without_date,
    line_break,
    numbered,
    text_box,
    to_bytes,
    tracked,
)

pytestmark = pytest.mark.django_db


def _squash(text: str) -> str:
    return "".join(text.split())


def test_decision_imports_metadata_structure_signature_and_original_file():
    report = import_file(to_bytes(decision()), "qd-15.docx")
    assert report.status == "ok", report.error
    doc = LegalDocument.objects.get(pk=report.id)
    assert doc.number_symbol == "15/2024/QĐ-UBND"
    assert doc.document_type.name == "Quyết định"
    assert doc.issued_date == date(2024, 5, 7)
    assert doc.issuing_body.name.lower() == "ủy ban nhân dân tỉnh bắc ninh"
    assert doc.signer_name == "Nguyễn Văn An"
    assert doc.signer_title == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    assert doc.recipients == "Như Điều 3;\nLưu: VT."
    assert doc.summary == "Ban hành quy chế làm việc của Sở"
    assert doc.original_file is not None and doc.original_file.file.name.endswith(".docx")
    assert report.counts == {
        "parts": 0, "chapters": 3, "sections": 0, "articles": 9, "clauses": 18, "points": 18
    }  # fmt: skip
    version = LegalVersion.objects.get(document=doc)
    paths = list(version.provisions.order_by("sort_order").values_list("path", flat=True))
    assert paths[:6] == [
        "mo-dau-1", "chuong-i", "dieu-1", "dieu-1/khoan-1", "dieu-1/khoan-1/diem-a",
        "dieu-1/khoan-1/diem-đ",
    ]  # fmt: skip
    chapter = version.provisions.get(path="chuong-i")
    assert chapter.title == "QUY ĐỊNH NHÓM 1"
    last = version.provisions.get(path="dieu-9/khoan-2")
    assert "Chỉ tiêu | Giá trị" in last.text  # the table stays with the text before it


def test_law_date_comes_from_closing_sentence_and_split_chapter_title_is_joined():
    report = import_file(to_bytes(law_without_date()), "luat.docx")
    assert report.status == "ok", report.error
    assert report.issued_date == "2024-06-22"
    assert report.number == "99/2024/QH15"
    assert report.type == "Luật"
    version = LegalVersion.objects.get(document_id=report.id)
    assert version.provisions.get(path="chuong-i").title == "NHỮNG QUY ĐỊNH CHUNG"
    closing = version.provisions.get(level="phu_luc")
    assert closing.text.startswith("Luật này đã được Quốc hội")
    assert LegalDocument.objects.get(pk=report.id).signer_name == "Trần Thanh Mẫn"


@pytest.mark.parametrize(
    "title_lines, summary",
    [
        # A title that folds like a stop word: "căn cước" ~ "căn cứ", "sở hữu" ~ "số".
        (["LUẬT", "CĂN CƯỚC"], "CĂN CƯỚC"),
        (["LUẬT", "SỞ HỮU TRÍ TUỆ\nCỦA QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
         "SỞ HỮU TRÍ TUỆ"),
        # Older laws: the title only after "VỀ" in the title-area line.
        (["LUẬT", "CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 16/1999/QH10 "
          "VỀ SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM"], "SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM"),
    ],
)  # fmt: skip
def test_law_title_is_the_summary_not_the_preamble(title_lines, summary):
    doc = new_official_document()
    header(doc, "16/1999/QH10", with_date=False)
    for line in title_lines:
        centred(doc, line)
    add_body_paragraph(doc, "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;")
    add_body_paragraph(doc, "Điều 1. Phạm vi điều chỉnh", bold=True)
    add_body_paragraph(doc, "Luật này quy định về chế độ phục vụ.")
    parsed = parse_docx(to_bytes(doc))
    assert parsed.header.summary == summary
    preamble = parsed.outline.provisions[0]
    assert preamble.level == "mo_dau" and not preamble.text.startswith(summary)


def test_every_body_paragraph_is_stored_somewhere():
    doc = decision()
    add_body_paragraph(doc, "Một đoạn lạ không theo mẫu nào.")
    text_box(doc, "Đoạn neo", "Chữ trong hộp văn bản")
    line_break(doc, "Dòng một", "Dòng hai")
    tracked(doc, "Thời hạn ", "05 ngày", "10 ngày")
    data = to_bytes(doc)
    parsed = parse_docx(data)
    report = import_file(data, "x.docx")
    assert report.status == "ok"
    stored = Provision.objects.filter(version__document_id=report.id)
    stored_text = _squash(
        "".join(f"{p.number}{p.title}{p.text}" for p in stored.order_by("sort_order"))
    )
    body_text = _squash("".join(parsed.text_in))
    # Everything read from the body, minus the numbering labels that became numbers
    # and the "Điều"/"Chương" words, is stored.
    for block_text in parsed.text_in:
        piece = _squash(block_text)
        for prefix in ("Điều", "Chương"):
            piece = piece.removeprefix(prefix)
        assert piece.replace(".", "").replace(")", "")[-20:] in stored_text.replace(
            ".", ""
        ).replace(")", ""), block_text
    assert len(stored_text) >= len(body_text) * 0.9
    assert "Chữtronghộpvănbản" in stored_text and "10ngày" not in stored_text


def test_text_without_structure_is_imported_unstructured_with_a_warning():
    doc = new_official_document()
    header(doc, "33/TB-UBND")
    centred(doc, "THÔNG BÁO")
    centred(doc, "Về lịch tiếp công dân")
    add_body_paragraph(doc, "Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân tháng 5.")
    add_body_paragraph(doc, "Đề nghị các đơn vị thực hiện.")
    report = import_file(to_bytes(doc), "tb.docx")
    assert report.status == "ok"
    assert any("không cấu trúc" in w for w in report.warnings)
    [part] = Provision.objects.filter(version__document_id=report.id)
    assert part.level == "phu_luc" and "lịch tiếp công dân tháng 5" in part.text


def test_plan_structure_i_1_a_dash_plus():
    doc = new_official_document()
    header(doc, "572/KH-STTTT")
    centred(doc, "KẾ HOẠCH")
    centred(doc, "Thực hiện Năm kỷ luật, kỷ cương hành chính 2017")
    add_body_paragraph(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    add_body_paragraph(doc, "1. Mục đích")
    add_body_paragraph(doc, "a) Siết chặt kỷ luật;")
    add_body_paragraph(doc, "- Cán bộ đúng giờ;")
    add_body_paragraph(doc, "+ Không đi muộn.")
    add_body_paragraph(doc, "II. NHIỆM VỤ", bold=True)
    num = add_numbering(doc, [("decimal", "%1.")])
    numbered(doc, "Rà soát văn bản", num)
    numbered(doc, "Sắp xếp đơn vị", num)
    report = import_file(to_bytes(doc), "kh.docx")
    assert report.status == "ok", report.error
    document = LegalDocument.objects.get(pk=report.id)
    assert document.kind == "ke_hoach"
    rows = list(
        Provision.objects.filter(version__document=document)
        .order_by("sort_order")
        .values_list("path", "text")
    )
    assert [p for p, _ in rows] == [
        "de-muc-i", "de-muc-i/khoan-1", "de-muc-i/khoan-1/diem-a", "de-muc-ii",
        "de-muc-ii/khoan-1", "de-muc-ii/khoan-2",
    ]  # fmt: skip
    assert rows[2][1] == "Siết chặt kỷ luật;\n- Cán bộ đúng giờ;\n+ Không đi muộn."


def test_amending_law_quotes_stay_text_of_the_amending_clause():
    doc = new_official_document()
    header(doc, "98/2024/QH15", with_date=False)
    centred(doc, "LUẬT")
    centred(doc, "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THỬ")
    add_body_paragraph(doc, "Điều 1. Sửa đổi, bổ sung một số điều của Luật thử", bold=True)
    add_body_paragraph(doc, "1. Sửa đổi, bổ sung Điều 5 như sau:")
    add_body_paragraph(doc, "“Điều 5. Phạm vi", bold=True)
    add_body_paragraph(doc, "1. Khoản được trích.")
    add_body_paragraph(doc, "2. Khoản trích thứ hai.”.")
    add_body_paragraph(doc, "2. Bổ sung Điều 7a vào sau Điều 7 như sau:")
    add_body_paragraph(doc, "Điều 7a. Điều chèn không có ngoặc", bold=True)
    add_body_paragraph(doc, "Điều 2. Hiệu lực thi hành", bold=True)
    add_body_paragraph(doc, "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2025.")
    report = import_file(to_bytes(doc), "sd.docx", dry_run=True)
    assert report.status == "ok"
    assert report.counts["articles"] == 2
    assert report.counts["clauses"] == 2
    assert not any("liên tục" in w for w in report.warnings)


def test_article_gap_is_warned():
    doc = new_official_document()
    header(doc, "97/2024/QH15", with_date=False)
    centred(doc, "LUẬT")
    centred(doc, "CÓ KHOẢNG TRỐNG")
    for n in (1, 2, 4):
        add_body_paragraph(doc, f"Điều {n}. Tên", bold=True)
    add_body_paragraph(doc, "Điều 4a. Điều chèn", bold=True)
    report = import_file(to_bytes(doc), "gap.docx", dry_run=True)
    assert report.counts["articles"] == 4
    assert report.warnings.count("Số điều không liên tục: sau Điều 2 là Điều 4.") == 1
    assert not any("4a" in w for w in report.warnings)


def test_as_version_of_adds_a_version_to_the_existing_document():
    first = import_file(to_bytes(decision("40/2024/QĐ-UBND")), "v1.docx")
    doc = decision("40/2024/QĐ-UBND", chapters=1)
    add_body_paragraph(doc, "Quyết định này có hiệu lực từ ngày 01 tháng 7 năm 2024.")
    second = import_file(to_bytes(doc), "v2.docx", as_version_of="40/2024/QĐ-UBND")
    assert second.status == "ok", second.error
    assert second.id == first.id
    assert LegalDocument.objects.filter(number_symbol="40/2024/QĐ-UBND").count() == 1
    assert LegalVersion.objects.filter(document_id=first.id).count() == 2
    missing = import_file(to_bytes(doc), "v3.docx", as_version_of="1/2000/QĐ-XX")
    assert missing.status == "error" and "Không có văn bản" in missing.error


def test_command_json_prints_one_object_per_file_and_exits_non_zero(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.docx").write_bytes(to_bytes(decision("50/2024/QĐ-UBND")))
    (tmp_path / "b.docx").write_bytes(b"%PDF-1.4 not a docx")
    (tmp_path / "c.docx").write_bytes(to_bytes(law_without_date("51/2024/QH15")))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_docx", str(tmp_path), "--json", stdout=out)
    assert exit_info.value.code == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    keys = {"path", "status", "id", "number", "type", "issuer", "issued_date", "counts",
            "warnings", "error"}  # fmt: skip
    assert all(set(o) == keys for o in objects)
    by_name = {o["path"].rsplit("/", 1)[-1]: o for o in objects}
    assert by_name["b.docx"]["status"] == "error" and "PDF" in by_name["b.docx"]["error"]
    assert by_name["a.docx"]["status"] == "ok" and by_name["a.docx"]["number"] == "50/2024/QĐ-UBND"
    assert by_name["c.docx"]["issued_date"] == "2024-06-22"
    assert set(by_name["c.docx"]["counts"]) == {
        "parts", "chapters", "sections", "articles", "clauses", "points"
    }  # fmt: skip
    assert (
        LegalDocument.objects.filter(number_symbol__in=["50/2024/QĐ-UBND", "51/2024/QH15"]).count()
        == 2
    )
    assert "Tổng kết" in capsys.readouterr().err


def test_command_queues_the_search_update_and_says_so(
    tmp_path, capsys, django_capture_on_commit_callbacks
):
    from search import service

    (tmp_path / "a.docx").write_bytes(to_bytes(decision("53/2024/QĐ-UBND")))
    with django_capture_on_commit_callbacks() as delivery:  # as with db_worker, later
        call_command("import_docx", str(tmp_path / "a.docx"), stdout=io.StringIO())
    assert "Chỉ mục tìm kiếm: 1 thay đổi đang chờ" in capsys.readouterr().err
    assert service.search("53/2024/QĐ-UBND").count == 0  # stored, not yet searchable
    for callback in delivery:
        callback()
    hits = service.search("khoan mot cua dieu 4").hits
    assert hits and hits[0].number == "53/2024/QĐ-UBND"
    assert service.search("53/2024/QĐ-UBND").hits[0].kind == "document"


def test_command_dry_run_stores_nothing(tmp_path):
    (tmp_path / "a.docx").write_bytes(to_bytes(decision("52/2024/QĐ-UBND")))
    out = io.StringIO()
    call_command("import_docx", str(tmp_path / "a.docx"), "--dry-run", "--json", stdout=out)
    assert json.loads(out.getvalue())["status"] == "ok"
    assert not LegalDocument.objects.filter(number_symbol="52/2024/QĐ-UBND").exists()


def test_kind_option_overrides_the_guess():
    report = import_file(to_bytes(decision("70/2024/QĐ-UBND")), "x.docx", kind="noi_bo")
    assert LegalDocument.objects.get(pk=report.id).kind == "noi_bo"


def test_admin_menu_shows_the_import_item(admin_client):
    response = admin_client.get("/admin/")
    assert "/admin/word/nhap/" in response.content.decode()  # in the sidebar menu props
