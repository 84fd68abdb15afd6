"""Shared Decree 30 building blocks: layout, header, title, signature, response."""

import io
from datetime import date

from docx import Document
from docx.shared import Mm

from regulations.wordio.blocks import (
    DOCX_CONTENT_TYPE,
    add_body_paragraph,
    add_header_block,
    add_recipients_and_signature,
    add_title,
    document_bytes,
    document_response,
    new_official_document,
    vietnamese_date_line,
)


def test_vietnamese_date_line_uses_decree_30_leading_zeros():
    assert vietnamese_date_line("Hà Nội", date(2017, 3, 31)) == "Hà Nội, ngày 31 tháng 3 năm 2017"
    assert vietnamese_date_line("Hà Nội", date(2017, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2017"
    assert vietnamese_date_line("Hà Nội", None).startswith("Hà Nội, ngày ")


def test_new_official_document_is_a4_with_decree_30_margins_and_fonts():
    doc = new_official_document()
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert 13 <= normal.font.size.pt <= 14
    fonts = normal.element.rPr.rFonts
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert (
            fonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{attr}")
            == "Times New Roman"
        )


def test_header_title_and_signature_blocks_survive_a_save_and_reload():
    doc = new_official_document()
    add_header_block(
        doc,
        "UBND thành phố Hà Nội",
        "Sở Thông tin và Truyền thông",
        "572/KH-STTTT",
        "Hà Nội",
        date(2017, 3, 31),
    )
    add_title(doc, "Kế hoạch", "Thực hiện Năm kỷ luật, kỷ cương hành chính 2017")
    add_body_paragraph(doc, "Dòng một\nDòng hai")
    add_recipients_and_signature(
        doc,
        ["Như trên;", "Lưu: VT."],
        "Phó Giám đốc",
        "Nguyễn Văn A",
        authority_prefix="KT. Giám đốc",
    )
    again = Document(io.BytesIO(document_bytes(doc)))
    header = again.tables[0]
    left = "\n".join(c.text for c in (header.cell(0, 0), header.cell(1, 0)))
    right = "\n".join(c.text for c in (header.cell(0, 1), header.cell(1, 1)))
    assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in left and "Số: 572/KH-STTTT" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Hà Nội, ngày 31 tháng 3 năm 2017" in right
    date_run = header.cell(1, 1).paragraphs[0].runs[0]
    assert date_run.italic
    texts = [p.text for p in again.paragraphs]
    assert "KẾ HOẠCH" in texts
    signature = again.tables[1]
    assert signature.cell(0, 0).text.startswith("Nơi nhận:")
    assert "- Như trên;" in signature.cell(0, 0).text
    right = signature.cell(0, 1).text
    assert "KT. GIÁM ĐỐC" in right and "PHÓ GIÁM ĐỐC" in right and "Nguyễn Văn A" in right


def test_document_response_has_docx_type_and_encoded_filename():
    response = document_response(new_official_document(), "Kế hoạch 572")
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert "attachment" in response["Content-Disposition"]
    assert "filename*=utf-8''K%E1%BA%BF" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"
