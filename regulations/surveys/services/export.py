"""Xuất Excel: the satisfaction report (criteria, factors, trend by quarter) as .xlsx."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .index import SMALL_SAMPLE_FORMS, SatisfactionReport, TrendPoint, quarter_label

BOLD = Font(bold=True)
SMALL_NOTE = f"Mẫu nhỏ (dưới {SMALL_SAMPLE_FORMS} phiếu)"


def _sheet(workbook, title, header, rows, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    widths = (70, 14, 14, 16, 14, 14)
    for index, column in enumerate(sheet.iter_cols(max_col=len(header)), start=1):
        # Wide enough for its heading and text (factor names, forms, note), up to 40.
        preset = widths[index - 1] if index <= len(widths) else 12
        longest = max(len(str(c.value)) for c in column if not isinstance(c.value, float))
        width = max(preset, min(40, longest + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = "0.0%"
    return sheet


def report_xlsx(report: SatisfactionReport, trend: list[TrendPoint], filters: list[str]) -> bytes:
    workbook = Workbook()
    factor_names = {row.id: row.label for row in report.factors}
    summary = _sheet(
        workbook,
        "Tổng hợp",
        ["Chỉ số hài lòng", "Giá trị"],
        [[f"Bộ lọc: {text}", ""] for text in filters]
        + [["Chỉ số hài lòng chung (trung bình 5 yếu tố)", report.overall]]
        + [[f"Yếu tố: {row.label}", row.index] for row in report.factors]
        + [["Số phiếu khảo sát", report.forms], ["Số câu trả lời", report.answers]],
        first=True,
    )
    summary.column_dimensions["A"].width = 80
    _sheet(
        workbook,
        "Tiêu chí",
        ["Tiêu chí", "Yếu tố", "Số câu trả lời", "Hài lòng và rất hài lòng", "Chỉ số"],
        [
            [row.label, factor_names.get(row.factor_id, ""), row.answers, row.satisfied, row.index]
            for row in report.criteria
        ],
    )
    _sheet(
        workbook,
        "Theo quý",
        ["Quý", "Chỉ số chung", "Số câu trả lời"]
        + [row.label for row in report.factors]
        + ["Số phiếu", "Ghi chú"],
        [
            [quarter_label(point.quarter), point.overall, point.answers]
            + [
                next((f.index for f in point.factors if f.id == factor.id), None)
                for factor in report.factors
            ]
            + [
                point.forms,
                f"Mẫu nhỏ (dưới {SMALL_SAMPLE_FORMS} phiếu)" if point.small_sample else "",
            ]
            for point in trend
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
