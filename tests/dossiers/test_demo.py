"""Demo data: nothing without procedures; a deterministic, idempotent year with them."""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.calendar import demo as calendar_demo
from regulations.calendar.models import Holiday
from regulations.dossiers import demo
from regulations.dossiers.models import ApologyLetter, Dossier
from regulations.dossiers.services.reports import late_dossiers_by_unit, totals

from .factories import UnitFactory, make_procedure

pytestmark = pytest.mark.django_db


def test_demo_without_procedures_creates_nothing_and_says_so():
    summary = demo.load(io.StringIO())
    assert "chưa có thủ tục" in summary
    assert not Dossier.objects.exists()


def test_demo_year_is_idempotent_with_late_dossiers_and_letters():
    for i, unit in enumerate([UnitFactory(), UnitFactory()]):
        make_procedure(f"1.00000{i}.000.00.00.H29", unit=unit)
    demo.load(io.StringIO())
    count, letters = Dossier.objects.count(), ApologyLetter.objects.count()
    assert count == demo.COUNT
    demo.load(io.StringIO())
    assert (Dossier.objects.count(), ApologyLetter.objects.count()) == (count, letters)
    total = totals(late_dossiers_by_unit())
    assert total["late"] > 20
    assert 0 < total["late_without_letter"] < total["late"] / 3  # most have letters
    assert Dossier.objects.filter(received_at__year=2017).count() > count * 0.9
    assert len({d.unit_id for d in Dossier.objects.all()}) == 2


def test_calendar_demo_is_idempotent_and_the_admin_filters_by_year(client):
    before = Holiday.objects.count()
    assert "0 mới" in calendar_demo.load(io.StringIO())
    assert Holiday.objects.count() == before
    admin = get_user_model().objects.create_superuser("root", "r@example.vn", "x")
    client.force_login(admin)
    url = reverse("wagtailsnippets_workcalendar_holiday:list")
    html = client.get(url, {"year": 2018}).content.decode()
    assert "25/04/2018" in html or "Giỗ Tổ" in html
    assert "Tết Nguyên đán Đinh Dậu" not in html
    assert Holiday.objects.filter(year=2017, date=date(2017, 4, 6)).exists()


def test_demo_has_letters_awaiting_sign_off_and_papers_for_waiting_dossiers():
    for i, unit in enumerate([UnitFactory(), UnitFactory()]):
        make_procedure(f"1.00000{i}.000.00.00.H29", unit=unit)
    demo.load(io.StringIO())
    waiting = Dossier.objects.filter(status_id=5)
    assert waiting.exists() and not waiting.filter(requested_papers="").exists()
    unsigned = ApologyLetter.objects.exclude(state="da_ky")
    assert set(unsigned.values_list("state", flat=True)) <= {"cho_ky"}
    assert not unsigned.filter(number__isnull=False).exists()
