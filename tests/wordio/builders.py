"""python-docx builders for test fixtures: Decree 30 files with the awkward parts of real
ones (automatic numbering, tracked changes, text boxes, manual line breaks)."""

import io
from datetime import date

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from regulations.wordio.blocks import (
    add_body_paragraph,
    add_header_block,
    add_recipients_and_signature,
    add_title,
    document_bytes,
    new_official_document,
)

W = nsdecls("w")


def header(doc, number="15/2024/QĐ-UBND", with_date=True, issuer="Ủy ban nhân dân tỉnh Bắc Ninh"):
    """Both header-table variants: with the place/date line and without it (laws)."""
    if with_date:
        add_header_block(doc, "", issuer, number, "Bắc Ninh", date(2024, 5, 7))
    else:
        table = doc.add_table(rows=1, cols=2)
        table.cell(0, 0).text = f"QUỐC HỘI\n-------\nLuật số: {number}"
        table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def centred(doc, text, bold=True):
    para = doc.add_paragraph()
    para.alignment = 1
    para.add_run(text).bold = bold
    return para


def add_numbering(doc, levels):
    """Register an abstractNum with `levels` [(numFmt, lvlText)] and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall("{*}abstractNum"))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    num_id = 90 + len(numbering.findall("{*}num"))
    num = parse_xml(
        f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find("{*}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def numbered(doc, text, num_id, ilvl=0, bold=False):
    para = doc.add_paragraph()
    ppr = para._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    para.add_run(text).bold = bold
    return para


def tracked(doc, before, inserted, deleted, after=""):
    """A paragraph with an insertion (kept) and a deletion (dropped)."""
    para = doc.add_paragraph()
    para.add_run(before)
    para._p.append(
        parse_xml(
            f'<w:ins {W} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
            f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        )
    )
    para._p.append(
        parse_xml(
            f'<w:del {W} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        )
    )
    if after:
        para.add_run(after)
    return para


def text_box(doc, anchor_text, box_text):
    """A paragraph anchoring a VML text box that holds its own paragraph."""
    para = doc.add_paragraph(anchor_text)
    run = parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        f"<w:txbxContent><w:p><w:r><w:t>{box_text}</w:t></w:r></w:p></w:txbxContent>"
        f"</v:textbox></v:shape></w:pict></w:r>"
    )
    para._p.append(run)
    return para


def line_break(doc, first, second):
    para = doc.add_paragraph()
    run = para.add_run(first)
    run.add_break()
    para.add_run(second)
    return para


def decision(number="15/2024/QĐ-UBND", chapters=3, articles_per_chapter=3, with_date=True):
    """A typed-numbering Quyết định/Quy định with chapters, clauses, points and a table."""
    doc = new_official_document()
    header(doc, number, with_date=with_date)
    add_title(doc, "Quyết định", "Ban hành quy chế làm việc của Sở")
    add_body_paragraph(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    add_body_paragraph(doc, "Theo đề nghị của Giám đốc Sở Nội vụ.")
    article = 0
    for c in range(1, chapters + 1):
        centred(doc, f"Chương {'I' * c if c < 4 else 'IV'}")
        centred(doc, f"QUY ĐỊNH NHÓM {c}")
        for _ in range(articles_per_chapter):
            article += 1
            add_body_paragraph(doc, f"Điều {article}. Nội dung điều {article}", bold=True)
            add_body_paragraph(doc, f"1. Khoản một của điều {article}.")
            add_body_paragraph(doc, f"a) Điểm a của điều {article};")
            add_body_paragraph(doc, f"đ) Điểm đ của điều {article}.")
            add_body_paragraph(doc, f"2. Khoản hai của điều {article}.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Chỉ tiêu", "Giá trị"
    table.cell(1, 0).text, table.cell(1, 1).text = "Tỷ lệ hồ sơ đúng hạn", "98%"
    add_recipients_and_signature(
        doc, ["Như Điều 3;", "Lưu: VT."], "Chủ tịch", "Nguyễn Văn An",
        authority_prefix="TM. Ủy ban nhân dân",
    )  # fmt: skip
    return doc


def law_without_date(number="99/2024/QH15", articles=4):
    """A law: header table without a date line, the date in the closing sentence."""
    doc = new_official_document()
    header(doc, number, with_date=False)
    centred(doc, "LUẬT")
    centred(doc, "THỬ NGHIỆM NHẬP VĂN BẢN")
    add_body_paragraph(doc, "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;")
    centred(doc, "CHƯƠNG I")
    centred(doc, "NHỮNG QUY ĐỊNH")  # a chapter title split over two centred paragraphs
    centred(doc, "CHUNG")
    for n in range(1, articles + 1):
        add_body_paragraph(doc, f"Điều {n}. Điều thứ {n}", bold=True)
        add_body_paragraph(doc, f"Nội dung điều {n}.")
    para = add_body_paragraph(
        doc,
        "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp "
        "thứ 7 thông qua ngày 22 tháng 6 năm 2024.",
        italic=True,
    )
    para.runs[0].font.size = Pt(13)
    add_recipients_and_signature(doc, [], "Chủ tịch Quốc hội", "Trần Thanh Mẫn")
    return doc


def to_bytes(doc) -> bytes:
    return document_bytes(doc)


def open_bytes(data: bytes):
    from docx import Document

    return Document(io.BytesIO(data))
