"""Spreadsheet exports (XLSX, CSV) of the tracking tables, via Wagtail's
SpreadsheetExportMixin (the export machinery of its ReportView)."""

from django.utils.text import slugify

from cms.spreadsheet import FriendlySpreadsheetMixin

from ..choices import Outcome, TaskStatus

FORMATS = ("xlsx", "csv")


class RowsExport(FriendlySpreadsheetMixin):
    """Export a list of dicts (or objects) with dotted accessors as columns."""

    export_percent_fields = ("completion_rate", "saving_rate")

    def __init__(self, columns, filename):
        self.list_export = [key for key, _label in columns]
        self.export_headings = {key: str(label) for key, label in columns}
        self.export_filename = slugify(filename) or "bao-cao"

    def response(self, rows, fmt):
        return self.as_spreadsheet(rows, fmt)


UNIT_COLUMNS = (
    [("unit", "Đơn vị chủ trì"), ("total", "Tổng số nhiệm vụ")]
    + [(f"by_status.{value}", label) for value, label in TaskStatus.choices]
    + [
        ("overdue", "Quá hạn"),
        ("completed_late", "Hoàn thành trễ hạn"),
        ("due_soon", "Sắp đến hạn (7 ngày)"),
        ("completion_rate", "Tỷ lệ hoàn thành"),
    ]
)

OUTCOME_COLUMNS = [("unit", "Đơn vị"), ("total", "Tổng số phiếu rà soát")] + [
    (f"by_outcome.{value}", label) for value, label in Outcome.choices
]

TASK_COLUMNS = [
    ("number", "Số thứ tự"),
    ("title", "Nhiệm vụ"),
    ("lead_unit.name", "Đơn vị chủ trì"),
    ("coordinating_label", "Đơn vị phối hợp"),
    ("deadline_value", "Thời hạn"),
    ("get_status_display", "Trạng thái"),
    ("lateness_label", "Tình trạng thời hạn"),
    ("completed_on", "Ngày hoàn thành"),
    ("latest_percent", "Tiến độ (%)"),
]

SAVINGS_COLUMNS = [
    ("record.title", "Phiếu rà soát"),
    ("record.procedure.code", "Mã thủ tục"),
    ("processing_days_before", "Thời hạn trước (ngày)"),
    ("processing_days_after", "Thời hạn sau (ngày)"),
    ("components_before", "Thành phần hồ sơ trước"),
    ("components_after", "Thành phần hồ sơ sau"),
    ("cost_before", "Chi phí tuân thủ trước (đồng/năm)"),
    ("cost_after", "Chi phí tuân thủ sau (đồng/năm)"),
    ("saving", "Chi phí cắt giảm (đồng/năm)"),
    ("saving_rate", "Tỷ lệ cắt giảm"),
]
