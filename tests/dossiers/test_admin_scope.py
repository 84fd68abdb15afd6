"""Dossier chooser: a unit head sees and picks only the unit's dossier codes."""

import pytest

from regulations.organisation.models import Role

from .factories import UnitFactory, at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/snippets/choose/dossiers/dossier/"


@pytest.fixture
def world():
    mine, other = UnitFactory(name="Phòng Bưu chính"), UnitFactory(name="Phòng Báo chí")
    return {
        "mine": make_dossier(make_procedure("1.000001.000.00.00.H29", unit=mine), "MINE-1"),
        "other": make_dossier(
            make_procedure("1.000002.000.00.00.H29", unit=other), "OTHER-1", at(2017, 3, 7)
        ),
        "head": staff(Role.UNIT_HEAD, mine),
        "officer": staff(Role.ONE_STOP_OFFICER, mine),
    }


def test_unit_head_dossier_chooser_lists_only_the_units_codes(world, client):
    client.force_login(world["head"])
    html = client.get(CHOOSER).json()["html"]
    assert "MINE-1" in html
    assert "OTHER-1" not in html
    results = client.get(f"{CHOOSER}results/", {"q": "OTHER"}).content.decode()
    assert "OTHER-1" not in results


def test_unit_head_cannot_choose_another_units_dossier_by_id(world, client):
    client.force_login(world["head"])
    assert client.get(f"{CHOOSER}chosen/{world['other'].pk}/").status_code == 404
    chosen = client.get(f"{CHOOSER}chosen/{world['mine'].pk}/")
    assert chosen.status_code == 200 and "MINE-1" in chosen.content.decode()


def test_one_stop_officer_chooser_lists_every_unit(world, client):
    client.force_login(world["officer"])
    html = client.get(CHOOSER).json()["html"]
    assert "MINE-1" in html and "OTHER-1" in html
