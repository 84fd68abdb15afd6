"""Waiting for papers stops the clock; "needs a letter" has one definition everywhere."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from regulations.dossiers.models import AppointmentChange, Dossier, DossierStatusChange
from regulations.dossiers.services import dashboard
from regulations.dossiers.services.letters import confirm_letter
from regulations.dossiers.services.records import change_status
from regulations.dossiers.services.reports import late_report, totals
from regulations.organisation.models import Role

from .factories import at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return make_procedure()  # 3 working days in person


def test_a_dossier_waiting_for_papers_is_not_late(procedure):
    dossier = make_dossier(procedure, "HS-P", at(2017, 3, 6, 9))  # due 9/3
    change_status(dossier, 5, requested_papers="Bản sao giấy phép")
    assert not dossier.is_late(today=date(2017, 3, 20))
    assert not Dossier.objects.late(date(2017, 3, 20)).exists()
    assert not Dossier.objects.needing_letter(date(2017, 3, 20)).exists()


def test_asking_for_papers_needs_the_list_of_papers(procedure):
    dossier = make_dossier(procedure, "HS-P", at(2017, 3, 6, 9))
    with pytest.raises(ValidationError) as exc:
        change_status(dossier, 5)
    assert "requested_papers" in exc.value.message_dict
    dossier.refresh_from_db()
    assert dossier.status_id == 2


def test_resuming_moves_the_due_date_by_the_working_days_spent_waiting(procedure, monkeypatch):
    dossier = make_dossier(procedure, "HS-P", at(2017, 3, 6, 9))  # due Thu 9/3
    change_status(dossier, 5, requested_papers="Tờ khai")
    DossierStatusChange.objects.filter(dossier=dossier, to_status_id=5).update(
        changed_at=at(2017, 3, 7, 9)
    )
    # Back with the papers on Tuesday 14/3: 5 working days waited (8, 9, 10, 13, 14/3).
    monkeypatch.setattr(timezone, "now", lambda: at(2017, 3, 14, 9))
    change_status(dossier, 4)
    dossier.refresh_from_db()
    assert dossier.due_date == date(2017, 3, 16)
    assert dossier.appointment_date == date(2017, 3, 16)
    change = AppointmentChange.objects.get(dossier=dossier)
    assert change.kind == "tam_dung" and "07/03/2017 – 14/03/2017" in change.reason
    assert not dossier.is_late(today=date(2017, 3, 15))


@pytest.fixture
def mixed(procedure):
    """Every case the two screens used to count differently, as of 20/3/2017."""
    make_dossier(procedure, "OPEN-LATE", at(2017, 3, 6, 9))  # due 9/3, no letter
    paused = make_dossier(procedure, "PAUSED", at(2017, 3, 6, 9))
    change_status(paused, 5, requested_papers="Tờ khai")
    second = make_dossier(procedure, "SECOND-MISS", at(2017, 3, 6, 9))
    confirm_letter(second, None, "x", date(2017, 3, 13), "A", "B", issued_on=date(2017, 3, 10))
    covered = make_dossier(procedure, "COVERED", at(2017, 3, 6, 9))
    confirm_letter(covered, None, "x", date(2017, 3, 24), "A", "B", issued_on=date(2017, 3, 10))
    done_late = make_dossier(procedure, "DONE-LATE", at(2017, 3, 6, 9))
    change_status(done_late, 10, at=at(2017, 3, 14, 9))
    on_time = make_dossier(procedure, "ON-TIME", at(2017, 3, 6, 9))
    change_status(on_time, 10, at=at(2017, 3, 8, 9))
    return date(2017, 3, 20)


def test_dashboard_and_report_count_the_same_dossiers_needing_a_letter(procedure, mixed):
    needing = set(
        dashboard.needing_letter(Dossier.objects.all(), mixed).values_list("code", flat=True)
    )
    assert needing == {"OPEN-LATE", "SECOND-MISS", "DONE-LATE"}
    rows = late_report(today=mixed)
    assert totals(rows)["late_without_letter"] == len(needing)
    assert totals(rows)["late"] == 4  # OPEN-LATE, SECOND-MISS, COVERED, DONE-LATE


def test_dashboard_page_and_report_page_show_the_same_number(client, procedure, mixed, monkeypatch):
    officer = staff(Role.ONE_STOP_OFFICER, procedure.handling_unit)
    monkeypatch.setattr(timezone, "localdate", lambda *a: mixed)
    client.force_login(officer)
    page = client.get(reverse("dossiers_admin:dashboard")).content.decode()
    assert "Cần lập phiếu xin lỗi: 3 hồ sơ" in page
    assert totals(late_report(unit_ids=None))["late_without_letter"] == 3


def test_officer_asks_for_papers_on_the_dossier_page(client, procedure):
    dossier = make_dossier(procedure, "HS-P", at(2017, 3, 6, 9))
    officer = staff(Role.ONE_STOP_OFFICER, procedure.handling_unit)
    client.force_login(officer)
    url = reverse("dossiers_admin:detail", args=[dossier.pk])
    refused = client.post(url, {"status": 5, "note": "", "requested_papers": ""})
    assert refused.status_code == 200 and "Ghi rõ giấy tờ" in refused.content.decode()
    dossier.refresh_from_db()
    assert dossier.status_id == 2
    done = client.post(url, {"status": 5, "note": "", "requested_papers": "Tờ khai mẫu 02"})
    assert done.status_code == 302
    dossier.refresh_from_db()
    assert (dossier.status_id, dossier.papers_list) == (5, ["Tờ khai mẫu 02"])
    assert "Tờ khai mẫu 02" in client.get(url).content.decode()
