"""The satisfaction report counts forms (phiếu) and answers apart, gives each quarter's
bar its n and marks small samples; the one-stop officer sees the counter's figures."""

import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from openpyxl import load_workbook

from regulations.organisation.models import Role
from regulations.organisation.roles import assign_role, sync_role_groups
from regulations.surveys.services.index import SMALL_SAMPLE_FORMS

from .factories import UnitFactory, criteria, response_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples():
    """Q4/2017: 30 forms of two answers each; Q4/2026: a single form."""
    c1, c2 = criteria()[:2]
    unit = UnitFactory(name="Phòng Bưu chính, Viễn thông")
    for i in range(SMALL_SAMPLE_FORMS):
        response_with({c1: 5 if i % 3 else 2, c2: 4}, unit=unit, quarter="2017-Q4")
    response_with({c1: 5, c2: 5}, unit=unit, quarter="2026-Q4")
    return unit


def _user(username, role, unit=None):
    sync_role_groups()
    user = User.objects.create_user(username, password="x")
    assign_role(user, unit or UnitFactory(name="Văn phòng Sở"), role)
    return user


def test_report_counts_forms_and_answers_apart(client, samples):
    client.force_login(_user("lanhdao", Role.LEADERSHIP))
    html = client.get(reverse("surveys_admin:report")).content.decode()
    forms = SMALL_SAMPLE_FORMS + 1
    assert f"{forms} phiếu khảo sát, {2 * forms} câu trả lời" in html
    quarter = client.get(reverse("surveys_admin:report"), {"quarter": "2026-Q4"})
    text = quarter.content.decode()
    assert "1 phiếu khảo sát, 2 câu trả lời" in text
    assert "Mẫu nhỏ (dưới 30 phiếu)" in text


def test_each_bar_has_its_n_and_the_small_sample_is_marked(client, samples):
    client.force_login(_user("lanhdao", Role.LEADERSHIP))
    html = client.get(reverse("surveys_admin:report")).content.decode()
    start = html.index('<svg class="trend-chart"')
    svg = html[start : html.index("</svg>", start)]
    assert f"n = {SMALL_SAMPLE_FORMS}</text>" in svg and "n = 1</text>" in svg
    assert svg.count('class="bar-small"') == 1 and svg.count('class="bar"') == 1
    assert svg.count("mẫu nhỏ</text>") == 1
    assert "Quý 4/2026: 100,0% (n = 1 phiếu, mẫu nhỏ)" in svg  # the chart's description
    assert f"Quý 4/2017: 83,3% (n = {SMALL_SAMPLE_FORMS} phiếu)" in svg
    table = html[html.index("Chỉ số hài lòng theo quý</caption>") :]
    row_2026 = table[table.index("Quý 4/2026") : table.index("</tr>", table.index("Quý 4/2026"))]
    assert "(mẫu nhỏ)" in row_2026 and "<td>1</td><td>2</td>" in row_2026
    row_2017 = table[table.index("Quý 4/2017") : table.index("</tr>", table.index("Quý 4/2017"))]
    assert "mẫu nhỏ" not in row_2017


def test_xlsx_trend_sheet_has_forms_and_the_small_sample_note(client, samples):
    client.force_login(_user("lanhdao", Role.LEADERSHIP))
    response = client.get(reverse("surveys_admin:report_xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Theo quý"].iter_rows(values_only=True))
    header = rows[0]
    by_quarter = {row[0]: row for row in rows[1:]}
    forms, note = header.index("Số phiếu"), header.index("Ghi chú")
    assert by_quarter["Quý 4/2017"][forms] == SMALL_SAMPLE_FORMS
    assert not by_quarter["Quý 4/2017"][note]
    assert by_quarter["Quý 4/2026"][forms] == 1
    assert by_quarter["Quý 4/2026"][note] == "Mẫu nhỏ (dưới 30 phiếu)"
    summary = {row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Số phiếu khảo sát"] == SMALL_SAMPLE_FORMS + 1


def test_one_stop_officer_sees_the_counters_figures_not_an_empty_unit(client, samples):
    officer = _user("motcua", Role.ONE_STOP_OFFICER)  # in Văn phòng, which has no forms
    client.force_login(officer)
    html = client.get(reverse("surveys_admin:report")).content.decode()
    assert f"{SMALL_SAMPLE_FORMS + 1} phiếu khảo sát" in html
    assert "Chỉ số hài lòng chung: <strong>—</strong>" not in html
    filtered = client.get(reverse("surveys_admin:report"), {"unit": samples.pk})
    assert f"Đơn vị: {samples.name}" in filtered.content.decode()


def test_unit_with_no_forms_says_so(client, samples):
    client.force_login(_user("truongphong", Role.UNIT_HEAD))
    html = client.get(reverse("surveys_admin:report")).content.decode()
    assert "0 phiếu khảo sát, 0 câu trả lời" in html
    assert "Chưa có phiếu khảo sát nào trong phạm vi đã chọn." in html


def test_xlsx_trend_sheet_widens_every_column(client, samples):
    client.force_login(_user("lanhdao", Role.LEADERSHIP))
    response = client.get(reverse("surveys_admin:report_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content))["Theo quý"]
    for cell in sheet[1]:
        width = sheet.column_dimensions[cell.column_letter].width
        assert width >= min(40, len(cell.value)), f"{cell.value}: {width}"
