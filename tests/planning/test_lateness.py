"""A task done after its deadline is "hoàn thành trễ hạn", never "quá hạn" (open and
past due), on every screen and file that shows a task's lateness."""

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


def _late_world(world):
    """CNTT: 1.1 open past its deadline (conftest), 2 done on time, 3 done late."""
    make_task(
        world.plan,
        "2",
        world.units["cntt"],
        deadline=date(2017, 5, 1),
        status="hoan_thanh",
        completed_on=date(2017, 4, 25),
        title="Đúng hạn",
    )
    make_task(
        world.plan,
        "3",
        world.units["cntt"],
        deadline=date(2017, 5, 1),
        status="hoan_thanh",
        completed_on=date(2017, 5, 20),
        title="Xong muộn",
    )
    return world


def _row_of(html, text):
    start = html.index(text)
    return html[html.rindex("<tr", 0, start) : html.index("</tr>", start)]


def test_tracking_table_counts_completed_late_apart_from_overdue(world, client):
    _late_world(world)
    client.force_login(world.users["lanhdao"])
    html = client.get(BASE, {"plan": world.plan.pk}).content.decode()
    assert "Hoàn thành trễ hạn" in html
    row = _row_of(html, "Phòng Công nghệ thông tin</a>")
    assert 'overdue=on">1</a>' in row  # only 1.1
    assert 'completed_late=on">1</a>' in row  # only 3


def test_task_list_marks_the_late_completion_in_words(world, client):
    _late_world(world)
    client.force_login(world.users["lanhdao"])
    params = {"plan": world.plan.pk, "unit": world.units["cntt"].pk}
    html = client.get(f"{BASE}nhiem-vu/", params).content.decode()
    assert "(hoàn thành trễ hạn)" in _row_of(html, "Xong muộn")
    assert "quá hạn" not in _row_of(html, "Xong muộn")
    assert "(quá hạn)" in _row_of(html, "Nhiệm vụ 1.1")
    on_time = _row_of(html, "Đúng hạn")
    assert "quá hạn" not in on_time and "trễ hạn" not in on_time
    filtered = client.get(f"{BASE}nhiem-vu/", {**params, "completed_late": "on"})
    assert "Xong muộn" in filtered.content.decode()
    assert "Nhiệm vụ 1.1" not in filtered.content.decode()


def test_task_export_says_overdue_or_completed_late(world, client):
    _late_world(world)
    client.force_login(world.users["lanhdao"])
    params = {"plan": world.plan.pk, "unit": world.units["cntt"].pk, "export": "xlsx"}
    sheet = openpyxl.load_workbook(
        io.BytesIO(_content(client.get(f"{BASE}nhiem-vu/", params)))
    ).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Tình trạng thời hạn")
    by_title = {row[1]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_title["Nhiệm vụ 1.1"] == "Quá hạn"
    assert by_title["Xong muộn"] == "Hoàn thành trễ hạn"
    assert by_title["Đúng hạn"] in ("", None)
    units = openpyxl.load_workbook(
        io.BytesIO(_content(client.get(BASE, {"plan": world.plan.pk, "export": "xlsx"})))
    ).active
    header = [cell.value for cell in units[1]]
    cntt = next(r for r in units.iter_rows(min_row=2, values_only=True) if r[0].endswith("tin"))
    assert cntt[header.index("Quá hạn")] == 1
    assert cntt[header.index("Hoàn thành trễ hạn")] == 1


def test_unit_page_and_dashboard_list_only_open_tasks_as_overdue(world, client):
    _late_world(world)
    client.force_login(world.users["truongphong"])
    html = client.get("/admin/ke-hoach/").content.decode()
    overdue_table = html[html.index("Nhiệm vụ quá hạn</caption>") :]
    overdue_table = overdue_table[: overdue_table.index("</table>")]
    assert "Nhiệm vụ 1.1" in overdue_table and "Xong muộn" not in overdue_table
    assert "(hoàn thành trễ hạn)" in _row_of(html, "Xong muộn</a>")
    home = client.get("/admin/").content.decode()
    panel = home[home.index("Việc của đơn vị tôi") :]
    panel = panel[: panel.index("</section>")]
    assert "Nhiệm vụ 1.1" in panel and "Xong muộn" not in panel


def test_docx_report_separates_overdue_and_completed_late(world, client):
    _late_world(world)
    client.force_login(world.users["lanhdao"])
    response = client.get(f"{BASE}bao-cao.docx", {"plan": world.plan.pk})
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    overdue_part = text[text.index("III. NHIỆM VỤ QUÁ HẠN") : text.index("IV.")]
    assert "Nhiệm vụ 1.1" in overdue_part
    late_part = overdue_part[overdue_part.index("Nhiệm vụ hoàn thành trễ hạn:") :]
    assert "Xong muộn" in late_part and "hoàn thành ngày 20/05/2017" in late_part
    assert "Xong muộn" not in overdue_part[: overdue_part.index("Nhiệm vụ hoàn thành trễ hạn:")]
    assert "hoàn thành trễ hạn: 1" in text
    headings = [cell.text for cell in document.tables[1].rows[0].cells]
    assert "Quá hạn" in headings and "Hoàn thành trễ hạn" in headings
