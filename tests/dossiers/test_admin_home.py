"""The admin home panel of the one-stop counter, and the list's "Quá hạn" column."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from regulations.dossiers.services.letters import draft_letter
from regulations.dossiers.services.records import change_status
from regulations.organisation.models import Role

from .factories import UnitFactory, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/dossiers/dossier/"


@pytest.fixture
def world():
    mine = UnitFactory(name="Phòng Bưu chính")
    procedure = make_procedure(unit=mine)
    now = timezone.now()
    today = make_dossier(procedure, "TODAY-1", now)
    late = make_dossier(procedure, "LATE-1", now - timedelta(days=30))
    done = make_dossier(procedure, "DONE-1", now - timedelta(days=30))
    change_status(done, 10, at=now - timedelta(days=29))
    officer = staff(Role.ONE_STOP_OFFICER, mine)
    draft_letter(late, officer, "Cần xác minh", timezone.localdate() + timedelta(days=10), "A", "B")
    return {"today": today, "late": late, "done": done, "officer": officer, "unit": mine}


def test_home_panel_counts_the_officers_dossiers_with_links_to_the_filtered_list(client, world):
    client.force_login(world["officer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hồ sơ một cửa" in html
    assert f'href="{LIST}?theo_doi=hom_nay">Tiếp nhận hôm nay: <strong>1</strong>' in html
    assert f'href="{LIST}?theo_doi=qua_han">Đang giải quyết, quá hạn: <strong>1</strong>' in html
    assert "Đến hạn trong 2 ngày làm việc: <strong>" in html
    pending = reverse("dossiers_admin:letters_pending")
    assert f'href="{pending}">Phiếu xin lỗi chờ lãnh đạo ký: <strong>1</strong>' in html


def test_the_panel_links_open_the_matching_dossiers(client, world):
    client.force_login(world["officer"])
    today = client.get(LIST, {"theo_doi": "hom_nay"}).content.decode()
    assert "TODAY-1" in today and "LATE-1" not in today
    late = client.get(LIST, {"theo_doi": "qua_han"}).content.decode()
    assert "LATE-1" in late and "TODAY-1" not in late and "DONE-1" not in late
    pending = client.get(reverse("dossiers_admin:letters_pending")).content.decode()
    assert "LATE-1" in pending


def test_home_panel_is_shown_only_to_dossier_staff(client, world):
    clerk = staff(Role.UNIT_STAFF, world["unit"])
    client.force_login(clerk)
    assert "Hồ sơ một cửa" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_late_column_marks_only_late_dossiers_with_words(client, world):
    client.force_login(world["officer"])
    html = client.get(LIST).content.decode()
    rows = {code: html.split(code, 1)[1].split("</tr>", 1)[0] for code in ("LATE-1", "TODAY-1")}
    assert "dossier-late" in rows["LATE-1"] and "Quá hạn" in rows["LATE-1"]
    assert "dossier-late" not in rows["TODAY-1"]
    assert "Không quá hạn" in rows["TODAY-1"]  # for screen readers only
    assert "icon-cross" not in rows["TODAY-1"]


def test_dossier_list_links_each_dossier_to_its_printable_receipt(client, world):
    client.force_login(world["officer"])
    html = client.get(LIST).content.decode()
    assert reverse("dossiers_admin:receipt", args=[world["late"].pk]) in html
    assert "In giấy tiếp nhận" in html
