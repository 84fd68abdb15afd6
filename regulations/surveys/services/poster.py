"""Áp phích 10 cam kết phục vụ: a one-page .docx (A4 or A3) for the one-stop counter.

It reads the same rows as the public commitments page (cms.pages.CommitmentsPage), so
editing the page changes the poster. Large type, the agency's header, and a QR code
to the satisfaction survey.
"""

import io

from django.http import Http404
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from cms.pages.models import AgencySettings, CommitmentsPage

from . import qr

# page (width, height) in mm, margin in mm, type sizes in pt
PAGE_SIZES = {
    "A4": {"page": (210, 297), "margin": 18, "header": 14, "title": 30, "item": 22, "small": 13},
    "A3": {"page": (297, 420), "margin": 25, "header": 20, "title": 44, "item": 32, "small": 18},
}
FONT = "Times New Roman"
RED = RGBColor(0x8A, 0x1C, 0x1C)


def _paragraph(container, text, size, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER, color=None):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(size * 0.3)
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color
    return paragraph


def commitments_for_poster():
    page = CommitmentsPage.objects.live().first()
    if page is None or not page.commitments.exists():
        raise Http404(_("Chưa có trang cam kết phục vụ."))
    return page, [c.text for c in page.commitments.all()]


def build_poster(request, size: str, survey_url: str) -> bytes:
    spec = PAGE_SIZES[size]
    page, commitments = commitments_for_poster()
    agency = AgencySettings.for_request(request)
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(spec["small"])
    section = document.sections[0]
    section.page_width, section.page_height = Mm(spec["page"][0]), Mm(spec["page"][1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(spec["margin"]))

    # Agency header (cơ quan chủ quản / cơ quan), centred, as on an official notice.
    if agency.parent_name:
        _paragraph(document, agency.parent_name.upper(), spec["header"])
    header = _paragraph(document, (agency.name or "").upper(), spec["header"], bold=True)
    header.paragraph_format.space_after = Pt(spec["header"] * 1.5)

    _paragraph(document, page.title.upper(), spec["title"], bold=True, color=RED)
    _paragraph(
        document,
        _("Bộ phận Một cửa và bộ phận tiếp công dân cam kết thực hiện:"),
        spec["small"] + 2,
    )
    for number, text in enumerate(commitments, 1):
        item = _paragraph(
            document, f"{number}. {text}", spec["item"], bold=True, align=WD_ALIGN_PARAGRAPH.LEFT
        )
        item.paragraph_format.left_indent = Mm(spec["margin"] * 0.8)
        item.paragraph_format.space_after = Pt(spec["item"] * 0.25)

    # Footer: hotline, feedback, QR code to the survey.
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    text_cell, qr_cell = table.rows[0].cells
    text_cell.width = Mm(spec["page"][0] - 2 * spec["margin"] - spec["page"][0] * 0.25)
    lines = [_("Mời Quý khách đánh giá sự hài lòng: quét mã QR hoặc vào"), survey_url]
    if agency.hotline:
        lines.append(_("Đường dây nóng: %(hotline)s") % {"hotline": agency.hotline})
    if agency.email:
        lines.append(_("Thư điện tử: %(email)s") % {"email": agency.email})
    text_cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        paragraph = text_cell.paragraphs[0] if i == 0 else text_cell.add_paragraph()
        run = paragraph.add_run(line)
        run.font.name = FONT
        run.font.size = Pt(spec["small"])
        run.bold = i == 0
    qr_run = qr_cell.paragraphs[0].add_run()
    qr_run.add_picture(io.BytesIO(qr.png(survey_url, box_size=8)), width=Mm(spec["page"][0] * 0.2))
    qr_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    document.core_properties.title = page.title
    document.core_properties.language = "vi-VN"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
