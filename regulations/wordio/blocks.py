"""Shared building blocks for official Word files (thể thức văn bản, Decree 30/2020/NĐ-CP).

Used by the version export of this app, by the review report (planning) and by the
apology letter (one-stop dossiers). Every function takes or returns a python-docx
``Document``; nothing here touches the database.

Layout (Decree 30/2020, appendix I):
- A4 paper; margins top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm;
- Times New Roman 13-14 pt, with the East Asian and complex-script font names set too so
  that Word never substitutes a font for Vietnamese letters;
- a two-column borderless header table: issuing body (upper case, bold) with "Số: …" under
  it on the left; the national motto on the right with the place/date line (italic) under it;
- the document type and its summary (trích yếu) centred, bold;
- recipients (Nơi nhận) bottom left and the signature block bottom right.

Typical use::

    doc = new_official_document()
    add_header_block(doc, "UBND THÀNH PHỐ HÀ NỘI", "Sở Thông tin và Truyền thông",
                     "572/KH-STTTT", "Hà Nội", date(2017, 3, 31))
    add_title(doc, "Kế hoạch", "Thực hiện Năm kỷ luật, kỷ cương hành chính 2017")
    add_body_paragraph(doc, "Căn cứ …")
    add_recipients_and_signature(doc, ["Như trên;", "Lưu: VT."], "Giám đốc", "Nguyễn Văn A",
                                 authority_prefix="KT.")
    return document_response(doc, "572-KH-STTTT.docx")
"""

from __future__ import annotations

import io
from datetime import date as date_type

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vietnamese.dates import vietnamese_date

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT_NAME = "Times New Roman"
BODY_SIZE = Pt(14)
MOTTO_LINE_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE_2 = "Độc lập - Tự do - Hạnh phúc"

# Decree 30/2020 margins (we take the middle of each range).
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
# Column widths of the header and signature tables on an A4 text width of 165 mm.
HEADER_WIDTHS = (Mm(70), Mm(95))
SIGNATURE_WIDTHS = (Mm(85), Mm(80))


def _set_fonts(rpr_owner_element, name: str = FONT_NAME, lang: str = "vi-VN") -> None:
    """Set ascii/hAnsi/eastAsia/cs font names and the language on an rPr-bearing element."""
    rpr = rpr_owner_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)


def new_official_document(font_size: Pt = BODY_SIZE):
    """A blank A4 document with Decree 30 margins and Times New Roman everywhere."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Mm(10)

    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = font_size
    _set_fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.0
    # Headings and list styles inherit from Normal in the default template, but some
    # set their own (Calibri Light); make all paragraph styles Vietnamese-safe.
    for style in doc.styles:
        if getattr(style, "type", None) == 1 and style.name != "Normal":  # paragraph
            try:
                style.font.name = FONT_NAME
                _set_fonts(style.element)
            except (AttributeError, ValueError):  # pragma: no cover - exotic styles
                continue
    doc.core_properties.language = "vi-VN"
    return doc


def _borderless(table) -> None:
    """Remove every border of a table (the header and signature tables have none)."""
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        borders = OxmlElement("w:tblBorders")
        tbl_pr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.find(qn(f"w:{edge}"))
        if el is None:
            el = OxmlElement(f"w:{edge}")
            borders.append(el)
        el.set(qn("w:val"), "nil")


def _layout_table(doc, rows: int, widths) -> object:
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _cell_line(cell, text: str, *, first=False, bold=False, italic=False, size=None, align=None):
    """Write one line into a table cell (reusing the cell's empty first paragraph)."""
    para = cell.paragraphs[0] if first else cell.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if align is None else align
    para.paragraph_format.space_after = Pt(0)
    run = para.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = size
    return para


def _short_rule(paragraph) -> None:
    """A short bottom border under a line (the rule under the issuer and the motto)."""
    p_pr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p_pr.append(border)


def vietnamese_date_line(place: str, date: date_type | None) -> str:
    """ "Hà Nội, ngày 31 tháng 3 năm 2017"; blanks to fill by hand when there is no date."""
    if date is None:
        text = "ngày     tháng     năm     "
        return f"{place}, {text}" if place else text
    return vietnamese_date(date, place)


def add_header_block(doc, issuer_parent, issuer_name, number_symbol, place, date):
    """Add the two-column header table (Quốc hiệu, tiêu ngữ, tên cơ quan, số ký hiệu, ngày).

    Left: the parent body (upper case, not bold, optional), the issuing body (upper case,
    bold) and "Số: …". Right: the national motto and the italic place/date line.
    Returns the table. `number_symbol` may be empty (a draft): "Số:      /…" is written.
    """
    table = _layout_table(doc, 2, HEADER_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = True
    if issuer_parent:
        _cell_line(left, issuer_parent.upper(), first=True, size=Pt(13))
        first = False
    para = _cell_line(left, (issuer_name or "").upper(), first=first, bold=True, size=Pt(13))
    _short_rule(para)

    para = _cell_line(right, MOTTO_LINE_1, first=True, bold=True, size=Pt(13))
    para = _cell_line(right, MOTTO_LINE_2, bold=True, size=Pt(14))
    _short_rule(para)

    number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
    _cell_line(number_cell, f"Số: {number_symbol or '      /'}", first=True, size=Pt(13))
    _cell_line(date_cell, vietnamese_date_line(place, date), first=True, italic=True, size=Pt(14))
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def add_title(doc, type_name: str, summary: str = ""):
    """The document type (upper case, bold, centred) and the summary under it (bold)."""
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.space_before = Pt(12)
    head.paragraph_format.space_after = Pt(0)
    head.paragraph_format.keep_with_next = True
    run = head.add_run((type_name or "").upper())
    run.bold = True
    if summary:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(12)
        para.add_run(summary).bold = True
        _short_rule(para)
        return para
    return head


def add_body_paragraph(doc, text: str, *, bold=False, italic=False, align=None, indent=True):
    """A justified body paragraph with a first-line indent of 1 cm (the Decree 30 body)."""
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
    if indent and align is None:
        para.paragraph_format.first_line_indent = Mm(10)
    lines = (text or "").split("\n")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        run.bold, run.italic = bold, italic
        if i < len(lines) - 1:
            run.add_break()
    return para


def add_data_table(doc, rows: list[list[str]]):
    """A bordered table of text cells (a rate schedule, a list of figures) in the body;
    short rows are padded with empty cells."""
    width = max(len(row) for row in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, [*row, *[""] * (width - len(row))], strict=True):
            cell.text = text
    return table


def add_recipients_and_signature(
    doc, recipients, signer_title: str, signer_name: str, authority_prefix: str | None = None
):
    """Nơi nhận at the bottom left and the signature block at the bottom right.

    `recipients` is a list of lines ("Như trên;", "Lưu: VT, VP.") or a text with one
    recipient a line. `authority_prefix` is "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC",
    "Q. …" or "TL. …" when the signer signs on behalf of someone (thẩm quyền ký).
    Returns the table.
    """
    if isinstance(recipients, str):
        recipients = [line for line in recipients.splitlines() if line.strip()]
    table = _layout_table(doc, 1, SIGNATURE_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left_align = WD_ALIGN_PARAGRAPH.LEFT
    _cell_line(left, "Nơi nhận:", first=True, bold=True, italic=True, size=Pt(12), align=left_align)
    for line in recipients or []:
        line = line.strip()
        line = line if line.startswith(("-", "–")) else f"- {line}"
        _cell_line(left, line, size=Pt(11), align=left_align)

    first = True
    if authority_prefix:
        _cell_line(right, authority_prefix.upper(), first=True, bold=True, size=Pt(14))
        first = False
    _cell_line(right, (signer_title or "").upper(), first=first, bold=True, size=Pt(14))
    for _ in range(3):  # room for the signature and seal
        _cell_line(right, "", size=Pt(14))
    _cell_line(right, signer_name or "", bold=True, size=Pt(14))
    return table


def document_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def document_response(doc, filename: str, as_attachment: bool = True) -> HttpResponse:
    """An HttpResponse carrying the .docx, with a Content-Disposition safe for any filename."""
    if not filename.lower().endswith(".docx"):
        filename = f"{filename}.docx"
    response = HttpResponse(document_bytes(doc), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
