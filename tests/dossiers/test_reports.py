"""Reports per unit and period, the search contract, and the admin report view."""

from datetime import date

import pytest
from django.urls import reverse

from regulations.dossiers.aggregations import LATE_DOSSIERS
from regulations.dossiers.models import Dossier
from regulations.dossiers.services.letters import confirm_letter
from regulations.dossiers.services.records import change_status
from regulations.dossiers.services.reports import late_dossiers_by_unit, late_report, totals
from search.registry import Registry

from .factories import UnitFactory, at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db
TODAY = date(2017, 3, 31)


@pytest.fixture
def data():
    """Unit A: 4 dossiers (2 late: one with a letter, one open without); unit B: 2 (1 late,
    with a letter). All received in March 2017; one more in A received in February."""
    a, b = UnitFactory(name="Phòng A"), UnitFactory(name="Phòng B")
    pa = make_procedure("1.000001.000.00.00.H29", unit=a)  # 3 days
    pb = make_procedure("1.000002.000.00.00.H29", unit=b)
    # A1 due 9/3, finished 14/3 (3 working days late), letter.
    a1 = make_dossier(pa, "A1", at(2017, 3, 6, 9))
    change_status(a1, 10, at=at(2017, 3, 14, 9))
    confirm_letter(a1, None, "x", date(2017, 3, 14), "S", "T", issued_on=date(2017, 3, 10))
    # A2 open, due 9/3 → 16 working days late on 31/3, no letter.
    make_dossier(pa, "A2", at(2017, 3, 6, 9))
    # A3 on time; A4 open but not due yet.
    a3 = make_dossier(pa, "A3", at(2017, 3, 6, 9))
    change_status(a3, 10, at=at(2017, 3, 9, 9))
    make_dossier(pa, "A4", at(2017, 3, 29, 9))
    # A5 in February, late, no letter (outside the March period).
    a5 = make_dossier(pa, "A5", at(2017, 2, 6, 9))
    change_status(a5, 10, at=at(2017, 2, 20, 9))
    # B1 late 1 day with a letter; B2 on time.
    b1 = make_dossier(pb, "B1", at(2017, 3, 6, 9))
    confirm_letter(b1, None, "y", date(2017, 3, 15), "S", "T", issued_on=date(2017, 3, 10))
    change_status(b1, 9, at=at(2017, 3, 10, 9))
    b2 = make_dossier(pb, "B2", at(2017, 3, 6, 9))
    change_status(b2, 9, at=at(2017, 3, 8, 9))
    return a, b


def by_unit(rows):
    return {r["unit_name"]: r for r in rows}


def test_report_numbers_per_unit_for_a_period(data):
    rows = by_unit(late_dossiers_by_unit(date(2017, 3, 1), date(2017, 3, 31), today=TODAY))
    assert rows["Phòng A"] | {"unit_id": 0} == {
        "unit_id": 0,
        "unit_name": "Phòng A",
        "received": 4,
        "late": 2,
        "letters": 1,
        "late_without_letter": 1,
        "average_delay": (3 + 16) / 2,
    }
    assert (rows["Phòng B"]["late"], rows["Phòng B"]["letters"]) == (1, 1)
    assert rows["Phòng B"]["late_without_letter"] == 0
    assert rows["Phòng B"]["average_delay"] == 1


def test_period_and_unit_filters(data):
    a, b = data
    everything = by_unit(late_dossiers_by_unit(today=TODAY))
    assert everything["Phòng A"]["received"] == 5 and everything["Phòng A"]["late"] == 3
    only_b = late_dossiers_by_unit(unit_ids=[b.pk], today=TODAY)
    assert [r["unit_name"] for r in only_b] == ["Phòng B"]
    total = totals(late_dossiers_by_unit(date(2017, 3, 1), date(2017, 3, 31), today=TODAY))
    assert (total["received"], total["late"], total["letters"]) == (6, 3, 2)


def test_report_entry_point_agrees_with_orm(data):
    rows = late_report(date(2017, 3, 1), date(2017, 3, 31), today=TODAY)
    assert by_unit(rows)["Phòng A"]["late"] == 2


def test_search_items_follow_the_registry_contract(data):
    registry = Registry().load()
    indexed = registry.models[Dossier]
    assert indexed.kind == "dossier"
    assert registry.aggregations["late_dossiers_by_unit"] is LATE_DOSSIERS
    item = next(iter(indexed.to_items(Dossier.objects.get(code="A1"))))
    assert set(item.data) == {
        "unit_id",
        "unit_name",
        "procedure_id",
        "status",
        "received_on",
        "appointment_date",
        "finished_on",
        "returned_on",
        "late",
        "letters",
        "delay_days",
        "completed_on",
        "completed_late",
        "completed_delay_days",
        "open",
        "appointment_on",
        "completed_after_appointment",
    }
    assert item.public is False
    assert (item.data["late"], item.data["letters"], item.data["delay_days"]) == (True, 1, 3)
    assert item.data["appointment_date"] == date(2017, 3, 9)
    assert "Nguyễn" not in f"{item.title} {item.body} {item.data}"  # no personal data


def test_admin_report_view_and_csv_export(client, data):
    a, _b = data
    head = staff("truong_don_vi", a)
    client.force_login(head)
    url = reverse("dossiers_admin:report")
    response = client.get(url, {"received_from": "2017-03-01", "received_to": "2017-03-31"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Phòng A" in html and "Phòng B" not in html  # a unit head sees their unit only
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Quá hạn chưa có phiếu xin lỗi" in body.splitlines()[0]
    xlsx = client.get(url, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_report_csv_has_a_bom_and_dossier_list_xlsx_has_real_dates(client, data):
    import io

    import openpyxl

    a, _b = data
    client.force_login(staff("mot_cua", a))
    export = client.get(reverse("dossiers_admin:report"), {"export": "csv"})
    assert b"".join(export.streaming_content).startswith("\ufeff".encode())
    listing = client.get(reverse("wagtailsnippets_dossiers_dossier:list"), {"export": "xlsx"})
    assert listing.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(listing.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    due = sheet.cell(row=2, column=header.index("Hạn giải quyết") + 1)
    assert due.is_date and due.number_format.startswith("dd/mm/yyyy")
