"""Tasks and review records: the chooser and inspect views see what the listing sees
(regulations/planning/scope.py): every unit's, for whoever may open the listing."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from regulations.planning.models import ReviewRecord

pytestmark = pytest.mark.django_db
TASKS = "/admin/snippets/planning/plantask/"
REVIEWS = "/admin/snippets/planning/reviewrecord/"
CHOOSE_TASK = "/admin/snippets/choose/planning/plantask/"
CHOOSE_REVIEW = "/admin/snippets/choose/planning/reviewrecord/"


@pytest.fixture
def record(world):
    return ReviewRecord.objects.create(
        title="Rà soát Quy chế chi tiêu nội bộ",
        plan=world.plan,
        target_kind="quy_che_noi_bo",
        outcome="giu_nguyen",
        reason="Còn phù hợp",
        responsible_unit=world.units["khtc"],
        reviewed_on=date(2017, 9, 25),
    )


@pytest.fixture
def admin_only(world):
    """Staff with admin access and no planning permission."""
    user = get_user_model().objects.create_user(username="khach", password="x", is_staff=True)  # noqa: S106
    group = Group.objects.create(name="Chỉ truy cập quản trị")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    return user


def _chooser_html(client, url):
    return client.get(url).json()["html"]


def test_staff_without_task_permission_choose_no_task(world, admin_only, client):
    client.force_login(admin_only)
    task = world.tasks["cntt"]
    assert f"/chosen/{task.pk}/" not in _chooser_html(client, CHOOSE_TASK)
    assert client.get(f"{CHOOSE_TASK}chosen/{task.pk}/").status_code == 404


def test_unit_staff_choose_and_inspect_every_units_task(world, client):
    client.force_login(world.users["chuyenvien"])
    html = _chooser_html(client, CHOOSE_TASK)
    assert all(f"/chosen/{t.pk}/" in html for t in world.tasks.values())
    foreign = world.tasks["khtc"]
    assert client.get(f"{TASKS}inspect/{foreign.pk}/").status_code == 200


def test_one_stop_officer_choose_and_inspect_no_review_record(world, record, client):
    """Cán bộ một cửa has no review-record permission: the chooser used to list them."""
    client.force_login(world.users["motcua"])
    assert f"/chosen/{record.pk}/" not in _chooser_html(client, CHOOSE_REVIEW)
    assert client.get(f"{CHOOSE_REVIEW}chosen/{record.pk}/").status_code == 404
    assert client.get(f"{REVIEWS}inspect/{record.pk}/").status_code in (302, 403, 404)


def test_legal_officer_chooses_and_inspects_every_units_review_record(world, record, client):
    client.force_login(world.users["phapche"])
    assert f"/chosen/{record.pk}/" in _chooser_html(client, CHOOSE_REVIEW)
    chosen = client.get(f"{CHOOSE_REVIEW}chosen/{record.pk}/")
    assert chosen.status_code == 200 and chosen.json()["result"]["string"] == record.title
    assert client.get(f"{REVIEWS}inspect/{record.pk}/").status_code == 200
