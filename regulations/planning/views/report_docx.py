"""Báo cáo kết quả thực hiện kế hoạch (.docx) in the official layout (Decree 30/2020),
built with regulations.wordio.blocks."""

from django.shortcuts import render
from django.utils.text import slugify
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from regulations.wordio.blocks import (
    add_body_paragraph,
    add_header_block,
    add_recipients_and_signature,
    add_title,
    document_response,
    new_official_document,
)
from vietnamese.dates import short_date, vietnamese_date
from vietnamese.numbers import vietnamese_number

from ..choices import Outcome, TaskStatus
from ..models import PlanTask
from ..permissions import can_view_tracking
from .common import require
from .tracking import tracking_context

ISSUER_PARENT = "UBND thành phố Hà Nội"
ISSUER = "Sở Thông tin và Truyền thông"
PLACE = "Hà Nội"
# Text width of the official A4 page (21 cm less 3 cm left and 2 cm right margins).
TEXT_WIDTH_CM = 16.0
# The unit name is the longest cell; Word's autofit squeezed it to a word per line.
FIRST_COLUMN_CM = 4.5


def _percent(rate):
    return f"{vietnamese_number(rate * 100, 1)}%"


def _table(doc, headings, rows):
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        para = cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(str(text))
        run.bold = True
        run.font.size = Pt(11)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            run = cell.paragraphs[0].add_run(str(value))
            run.font.size = Pt(11)
    _set_widths(table, len(headings))
    return table


def _set_widths(table, count):
    other = Cm((TEXT_WIDTH_CM - FIRST_COLUMN_CM) / max(count - 1, 1))
    widths = [Cm(FIRST_COLUMN_CM)] + [other] * (count - 1)
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = widths[index]
        # Word reads the cell widths, LibreOffice the grid: set both.
        for cell in column.cells:
            cell.width = widths[index]


def build_report(context, signer_name="", signer_title="Phó Giám đốc"):
    plan = context["plan"]
    doc = new_official_document()
    add_header_block(doc, ISSUER_PARENT, ISSUER, "      /BC-STTTT", PLACE, context["today"])
    period = ""
    if context["period_start"] or context["period_end"]:
        period = " (kỳ báo cáo từ {} đến {})".format(
            short_date(context["period_start"]) or "…", short_date(context["period_end"]) or "…"
        )
    add_title(
        doc,
        "Báo cáo",
        f"Kết quả thực hiện Kế hoạch số {plan.number_symbol} "
        f"{vietnamese_date(plan.issued_date)}{period}",
    )
    add_body_paragraph(
        doc,
        f"Thực hiện Kế hoạch số {plan.number_symbol} {vietnamese_date(plan.issued_date)} "
        f"về {plan.document.title[:1].lower()}{plan.document.title[1:]}, "
        f"Sở Thông tin và Truyền thông báo cáo kết quả thực hiện như sau:",
    )
    total = context["total"]
    add_body_paragraph(doc, "I. KẾT QUẢ CHUNG", bold=True, indent=False)
    by = total["by_status"]
    add_body_paragraph(
        doc,
        f"Tổng số nhiệm vụ: {total['total']}; hoàn thành: {by[TaskStatus.DONE]}; chờ duyệt: "
        f"{by[TaskStatus.AWAITING_APPROVAL]}; đang thực hiện: {by[TaskStatus.IN_PROGRESS]}; "
        f"chưa thực hiện: {by[TaskStatus.NOT_STARTED]}; quá hạn: {total['overdue']}; "
        f"hoàn thành trễ hạn: {total['completed_late']}; "
        f"tỷ lệ hoàn thành: {_percent(total['completion_rate'])}.",
    )
    add_body_paragraph(doc, "II. KẾT QUẢ THEO ĐƠN VỊ", bold=True, indent=False)
    _table(
        doc,
        ["Đơn vị", "Tổng số"]
        + [label for _v, label in TaskStatus.choices]
        + ["Quá hạn", "Hoàn thành trễ hạn", "Tỷ lệ hoàn thành"],
        [
            [r["unit"], r["total"]]
            + [r["by_status"][v] for v in TaskStatus.values]
            + [r["overdue"], r["completed_late"], _percent(r["completion_rate"])]
            for r in context["rows"] + [total]
        ],
    )
    tasks = list(PlanTask.objects.filter(plan=plan).select_related("lead_unit"))
    add_body_paragraph(doc, "III. NHIỆM VỤ QUÁ HẠN", bold=True, indent=False)
    overdue = [t for t in tasks if t.is_overdue(context["today"])]
    for task in overdue:
        add_body_paragraph(
            doc,
            f"- {task} ({task.lead_unit}; thời hạn {short_date(task.deadline)}; chưa hoàn thành).",
        )
    if not overdue:
        add_body_paragraph(doc, "Không có nhiệm vụ quá hạn.")
    late = [t for t in tasks if t.is_completed_late()]
    if late:
        add_body_paragraph(doc, "Nhiệm vụ hoàn thành trễ hạn:", indent=False)
        for task in late:
            add_body_paragraph(
                doc,
                f"- {task} ({task.lead_unit}; thời hạn {short_date(task.deadline)}, "
                f"hoàn thành ngày {short_date(task.completed_on)}).",
            )
    add_body_paragraph(doc, "IV. KẾT QUẢ RÀ SOÁT, ĐƠN GIẢN HÓA", bold=True, indent=False)
    if context["review_rows"]:
        _table(
            doc,
            ["Đơn vị", "Tổng số"] + [label for _v, label in Outcome.choices],
            [
                [r["unit"], r["total"]] + [r["by_outcome"].get(v, 0) for v in Outcome.values]
                for r in context["review_rows"]
            ],
        )
    savings = context["savings"]
    if savings and savings["proposals"]:
        add_body_paragraph(
            doc,
            f"Đề xuất đơn giản hóa {savings['procedures']} thủ tục hành chính; chi phí tuân thủ "
            f"giảm từ {vietnamese_number(savings['cost_before'])} đồng/năm xuống "
            f"{vietnamese_number(savings['cost_after'])} đồng/năm, cắt giảm "
            f"{vietnamese_number(savings['saving'])} đồng/năm "
            f"({_percent(savings['saving_rate'])}).",
        )
    else:
        add_body_paragraph(doc, "Chưa có phương án đơn giản hóa thủ tục hành chính.")
    add_recipients_and_signature(
        doc,
        ["UBND Thành phố (để báo cáo);", "Giám đốc Sở (để báo cáo);", "Lưu: VT, VP."],
        signer_title,
        signer_name,
        authority_prefix="KT. Giám đốc",
    )
    return doc


def progress_report_docx(request):
    require(can_view_tracking(request.user))
    context = tracking_context(request)
    if context["plan"] is None:
        return render(request, "planning/admin/no_plan.html", status=404)
    doc = build_report(context)
    name = slugify(context["plan"].number_symbol.replace("/", "-")) or "ke-hoach"
    return document_response(doc, f"bao-cao-ket-qua-{name}.docx")
