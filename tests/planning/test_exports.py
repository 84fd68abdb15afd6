"""Exports: XLSX (opens with openpyxl, has the numbers), CSV, and the .docx report."""

import csv
import io
from datetime import date

import docx
import openpyxl

from .conftest import make_task

BASE = "/admin/ke-hoach/theo-doi/"


def _content(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def _setup(world, client):
    make_task(
        world.plan,
        "2",
        world.units["cntt"],
        deadline=date(2017, 5, 1),
        status="hoan_thanh",
        completed_on=date(2017, 4, 25),
    )
    client.force_login(world.users["lanhdao"])


def test_unit_table_to_xlsx_has_the_numbers(world, client):
    _setup(world, client)
    response = client.get(BASE, {"plan": world.plan.pk, "export": "xlsx"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(_content(response)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Đơn vị chủ trì", "Tổng số nhiệm vụ", "Chưa thực hiện")
    by_unit = {row[0]: row for row in rows[1:]}
    cntt = by_unit["Phòng Công nghệ thông tin"]
    assert cntt[1] == 2  # total
    assert cntt[5] == 1  # hoàn thành
    assert cntt[-1] == 0.5  # completion rate
    assert by_unit["Tổng cộng"][1] == 3


def test_unit_table_to_csv(world, client):
    _setup(world, client)
    response = client.get(BASE, {"plan": world.plan.pk, "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(_content(response).decode("utf-8-sig"))))
    assert rows[0][0] == "Đơn vị chủ trì"
    cntt = next(r for r in rows if r[0] == "Phòng Công nghệ thông tin")
    assert cntt[:6] == ["Phòng Công nghệ thông tin", "2", "1", "0", "0", "1"]


def test_task_drill_down_to_xlsx_and_overdue_highlight(world, client):
    _setup(world, client)
    params = {"plan": world.plan.pk, "unit": world.units["cntt"].pk, "overdue": "on"}
    page = client.get(f"{BASE}nhiem-vu/", params)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="overdue"' in html and "Nhiệm vụ 1.1" in html and "Nhiệm vụ 2" not in html
    response = client.get(f"{BASE}nhiem-vu/", {**params, "export": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(_content(response)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][1] == "Nhiệm vụ 1.1" and rows[1][6] == "Quá hạn"


def test_outcomes_and_savings_export(world, client):
    _setup(world, client)
    for table in ("outcomes", "savings"):
        response = client.get(BASE, {"plan": world.plan.pk, "table": table, "export": "xlsx"})
        assert response.status_code == 200
        openpyxl.load_workbook(io.BytesIO(_content(response)))


def test_progress_report_docx_in_official_layout(world, client):
    _setup(world, client)
    response = client.get(f"{BASE}bao-cao.docx", {"plan": world.plan.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện Kế hoạch số 572/KH-STTTT" in text
    assert "Tổng số nhiệm vụ: 3" in text
    header = document.tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    unit_table = document.tables[1]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in unit_table.rows[1:]}
    assert rows["Phòng Công nghệ thông tin"][1] == "2"
    assert rows["Tổng cộng"][1] == "3"


def test_tracking_page_renders_sortable_table(world, client):
    _setup(world, client)
    response = client.get(BASE, {"plan": world.plan.pk, "sort": "-total"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Phòng Công nghệ thông tin") < html.index("Phòng Kế hoạch - Tài chính")
    assert "<caption>" in html


def test_csv_export_starts_with_a_bom_so_excel_reads_utf8(world, client):
    _setup(world, client)
    response = client.get(BASE, {"plan": world.plan.pk, "export": "csv"})
    body = _content(response)
    assert body.startswith("\ufeff".encode())
    assert body.decode("utf-8-sig").startswith("Đơn vị chủ trì,")


def test_xlsx_completion_rate_is_a_percent_and_columns_are_widened(world, client):
    _setup(world, client)
    response = client.get(BASE, {"plan": world.plan.pk, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(_content(response))).active
    header = [cell.value for cell in sheet[1]]
    rate_column = header.index("Tỷ lệ hoàn thành") + 1
    rate = sheet.cell(row=2, column=rate_column)
    assert rate.number_format == "0.0%"
    assert sheet.column_dimensions["A"].width >= len("Phòng Công nghệ thông tin")


def test_xlsx_task_deadline_and_completion_are_dates_shown_dd_mm_yyyy(world, client):
    _setup(world, client)
    params = {"plan": world.plan.pk, "unit": world.units["cntt"].pk, "export": "xlsx"}
    response = client.get(f"{BASE}nhiem-vu/", params)
    sheet = openpyxl.load_workbook(io.BytesIO(_content(response))).active
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Nhiệm vụ 2")
    deadline = row[header.index("Thời hạn")]
    completed = row[header.index("Ngày hoàn thành")]
    assert deadline.value.date() == date(2017, 5, 1)
    assert completed.value.date() == date(2017, 4, 25)
    assert deadline.number_format == completed.number_format == "dd/mm/yyyy"


def test_docx_report_first_column_is_wide_enough_for_unit_names(world, client):
    _setup(world, client)
    response = client.get(f"{BASE}bao-cao.docx", {"plan": world.plan.pk})
    unit_table = docx.Document(io.BytesIO(response.content)).tables[1]
    first, second = unit_table.rows[1].cells[0].width, unit_table.rows[1].cells[1].width
    assert first > 2 * second
