"""Registering a dossier at the counter: the code, the received time, the printed receipt."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from regulations.dossiers.models import Dossier
from regulations.dossiers.services.codes import next_dossier_code
from regulations.organisation.models import Role

from .factories import at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return make_procedure()


@pytest.fixture
def officer(procedure):
    user = staff(Role.ONE_STOP_OFFICER, procedure.handling_unit, username="motcua")
    user.last_name, user.first_name = "Phạm Thị", "Hoa"
    user.save()
    return user


def test_codes_follow_the_agency_format_and_count_up_per_year(procedure):
    first = make_dossier(procedure, code="", received=at(2017, 3, 6, 9))
    second = make_dossier(procedure, code="", received=at(2017, 3, 6, 10))
    next_year = make_dossier(procedure, code="", received=at(2018, 1, 3, 9))
    assert first.code == "000.00.26.H29-170001"
    assert second.code == "000.00.26.H29-170002"
    assert next_year.code == "000.00.26.H29-180001"


def test_codes_continue_after_existing_demo_or_imported_codes(procedure):
    make_dossier(procedure, code="000.00.26.H29-170360", received=at(2017, 3, 6, 9))
    assert next_dossier_code(at(2017, 5, 2)) == "000.00.26.H29-170361"
    # A code typed by hand that collides with the sequence is skipped, never reused.
    make_dossier(procedure, code="000.00.26.H29-170362", received=at(2017, 3, 6, 9))
    assert next_dossier_code(at(2017, 5, 2)) == "000.00.26.H29-170363"


def test_code_numbers_come_from_a_database_counter(procedure):
    codes = {next_dossier_code(at(2017, 3, 6)) for _ in range(20)}
    assert len(codes) == 20  # each call takes a new number inside its own transaction


def test_received_time_defaults_to_now():
    before = timezone.now()
    dossier = Dossier()
    assert before <= dossier.received_at <= timezone.now()


def test_add_form_prefills_now_and_registering_without_a_code_generates_one(
    client, officer, procedure
):
    client.force_login(officer)
    url = reverse("wagtailsnippets_dossiers_dossier:add")
    page = client.get(url).content.decode()
    assert (
        timezone.localdate().strftime("%Y-%m-%d") in page
        or timezone.localdate().strftime("%d/%m/%Y") in page
    )
    now = timezone.localtime()
    response = client.post(
        url,
        {
            "code": "",
            "procedure": procedure.pk,
            "method_kind": "truc_tiep",
            "applicant_name": "Nguyễn Văn An",
            "applicant_phone": "0912345678",
            "applicant_email": "",
            "applicant_address": "Số 5 Láng Hạ",
            "received_at": now.strftime("%Y-%m-%d %H:%M"),
            "unit": procedure.handling_unit.pk,
            "officer": "",
            "status": 2,
            "requested_papers": "",
            "finished_at": "",
            "returned_at": "",
        },
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == reverse("dossiers_admin:detail", args=[dossier.pk])
    assert dossier.code == f"000.00.26.H29-{now.year % 100:02d}0001"
    detail = client.get(response.url).content.decode()
    assert reverse("dossiers_admin:receipt", args=[dossier.pk]) in detail


def test_receipt_prints_the_appointment_and_a_qr_code_to_the_lookup_page(
    client, officer, procedure
):
    dossier = make_dossier(procedure, code="", received=at(2017, 3, 6, 9), user=officer)
    client.force_login(officer)
    response = client.get(reverse("dossiers_admin:receipt", args=[dossier.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for expected in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ".lower(),
        "cộng hòa xã hội chủ nghĩa việt nam",
        "độc lập - tự do - hạnh phúc",
        "hà nội, ngày 06 tháng 3 năm 2017",
        "mã hồ sơ: 000.00.26.h29-170001",
        "09/03/2017",  # appointment: 3 working days after Monday 6/3 (calendar)
        "3 ngày làm việc",
        "người nộp hồ sơ",
        "người tiếp nhận hồ sơ",
        "phạm thị hoa",  # the officer who registered it, Vietnamese name order
        "size: a4",
        "@media print",
    ]:
        assert expected in html.lower(), expected
    assert '<svg role="img" aria-label="Mã QR tra cứu hồ sơ' in html
    assert "/ho-so/tra-cuu/?ma=000.00.26.H29-170001" in html
    assert dossier.appointment_date == date(2017, 3, 9)


def test_receipt_follows_the_dossier_scope(client, procedure):
    from .factories import UnitFactory

    dossier = make_dossier(procedure, code="", received=at(2017, 3, 6, 9))
    head = staff(Role.UNIT_HEAD, UnitFactory(name="Phòng khác"))
    client.force_login(head)
    assert client.get(reverse("dossiers_admin:receipt", args=[dossier.pk])).status_code == 404


def test_lookup_link_of_the_receipt_prefills_the_code(client):
    page = client.get(reverse("dossiers:lookup"), {"ma": "000.00.26.H29-170001"})
    assert 'value="000.00.26.H29-170001"' in page.content.decode()
