"""Notices sent: the inspect view and the chooser see what the listing sees."""

from datetime import date

import pytest

from regulations.planning.models import Notification
from regulations.planning.services.notifications import deadline_notices

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/planning/notification/"


@pytest.fixture
def notices(world):
    deadline_notices(date(2017, 7, 1))
    own = Notification.objects.filter(recipient=world.users["chuyenvien"]).first()
    foreign = Notification.objects.exclude(recipient=world.users["chuyenvien"]).first()
    assert own is not None and foreign is not None
    return own, foreign


def test_staff_cannot_inspect_a_notice_sent_to_someone_else(world, notices, client):
    own, foreign = notices
    client.force_login(world.users["chuyenvien"])
    response = client.get(f"{BASE}inspect/{foreign.pk}/")
    assert response.status_code == 404
    assert foreign.email not in response.content.decode()
    assert client.get(f"{BASE}inspect/{own.pk}/").status_code == 200


def test_leadership_inspects_every_notice(world, notices, client):
    _own, foreign = notices
    client.force_login(world.users["lanhdao"])
    response = client.get(f"{BASE}inspect/{foreign.pk}/")
    assert response.status_code == 200
    assert foreign.email in response.content.decode()


def test_notice_chooser_lists_and_returns_only_the_users_own(world, notices, client):
    own, foreign = notices
    client.force_login(world.users["chuyenvien"])
    listing = client.get("/admin/snippets/choose/planning/notification/").json()["html"]
    assert f"/chosen/{own.pk}/" in listing
    assert own.subject in listing
    others = Notification.objects.exclude(recipient=world.users["chuyenvien"])
    assert all(f"/chosen/{n.pk}/" not in listing for n in others)
    url = f"/admin/snippets/choose/planning/notification/chosen/{foreign.pk}/"
    assert client.get(url).status_code == 404
