"""Permission matrix: every role × action over the admin views and the JSON endpoint.

ok = allowed; no = refused (403, or Wagtail's redirect to the dashboard with an error,
never the data); login = sent to the login page; 401 = JSON "log in first".
"""

import pytest
from django.urls import reverse

from regulations.planning.models import ProgressReport, TaskComment

from .helpers import current_state, denied, submitted_record

ACTIONS = ["view", "list", "edit", "save", "report", "comment", "approve", "export", "docx", "json"]

# role: expected outcome per action (in ACTIONS order)
MATRIX = {
    "anonymous": ["login"] * 9 + ["401"],
    "lanhdao": ["ok", "ok", "ok", "ok", "no", "ok", "no", "ok", "ok", "ok"],
    "truongphong": ["ok", "ok", "ok", "ok", "ok", "ok", "no", "no", "no", "ok"],
    "chuyenvien": ["ok", "ok", "ok", "ok", "ok", "ok", "no", "no", "no", "ok"],
    "chuyenvien_khtc": ["ok", "ok", "no", "no", "no", "ok", "no", "no", "no", "ok"],
    "phapche": ["ok", "ok", "no", "no", "no", "ok", "ok", "ok", "ok", "ok"],
    "motcua": ["ok", "ok", "no", "no", "no", "no", "no", "no", "no", "ok"],
    "admin": ["ok"] * 10,
}

CASES = [
    pytest.param(role, action, expected, id=f"{role}-{action}")
    for role, outcomes in MATRIX.items()
    for action, expected in zip(ACTIONS, outcomes, strict=True)
]


def do(action, world, client):
    """Perform the action on the CNTT unit's task (or a record at the legal step)."""
    task = world.tasks["cntt"]
    plan = world.plan
    if action == "view":
        return client.get(reverse("planning_admin:task_detail", args=[task.pk])), None
    if action == "list":
        return client.get(reverse("wagtailsnippets_planning_plantask:list")), None
    if action == "edit":
        return client.get(reverse("wagtailsnippets_planning_plantask:edit", args=[task.pk])), None
    if action == "save":
        url = reverse("wagtailsnippets_planning_plantask:edit", args=[task.pk])
        data = {
            "plan": plan.pk,
            "number": task.number,
            "title": "Đã sửa bởi người dùng",
            "lead_unit": task.lead_unit_id,
            "deadline": "2017-06-30",
            "status": "dang_thuc_hien",
            "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0",
            "targets-MIN_NUM_FORMS": "0",
            "targets-MAX_NUM_FORMS": "1000",
        }
        response = client.post(url, data)
        task.refresh_from_db()
        return response, task.title == "Đã sửa bởi người dùng"
    if action == "report":
        url = reverse("planning_admin:task_detail", args=[task.pk])
        response = client.post(
            url,
            {"action": "report", "reported_on": "2017-05-01", "percent": "10", "content": "x"},
        )
        return response, ProgressReport.objects.filter(task=task).exists()
    if action == "comment":
        url = reverse("planning_admin:task_detail", args=[task.pk])
        response = client.post(url, {"action": "comment", "text": "Đề nghị đẩy nhanh"})
        return response, TaskComment.objects.filter(task=task).exists()
    if action == "approve":
        record = submitted_record(world)
        current_state(record).approve(user=world.users["truongphong_khtc"])
        state = current_state(record)
        url = reverse(
            "wagtailsnippets_planning_reviewrecord:workflow_action",
            args=[record.pk, "approve", state.pk],
        )
        response = client.post(url, {"comment": ""})
        state.refresh_from_db()
        return response, state.status == "approved"
    if action == "export":
        url = reverse("planning_admin:tracking")
        return client.get(url, {"plan": plan.pk, "export": "xlsx"}), None
    if action == "docx":
        return client.get(reverse("planning_admin:progress_docx"), {"plan": plan.pk}), None
    if action == "json":
        return client.get("/api/tracking/units/", {"plan": plan.number_symbol}), None
    raise AssertionError(action)


@pytest.mark.parametrize("role, action, expected", CASES)
def test_permission_matrix(world, client, role, action, expected):
    if role != "anonymous":
        client.force_login(world.users[role])
    response, changed = do(action, world, client)
    body = response.content.decode(errors="ignore") if not response.streaming else ""
    if expected == "ok":
        assert response.status_code in (200, 302), response.status_code
        assert not denied(response)
        assert "/login/" not in response.get("Location", "")
        if changed is not None:
            assert changed, f"{role} should be able to {action}"
    elif expected == "no":
        assert denied(response), (response.status_code, response.get("Location"))
        assert changed in (None, False), f"{role} must not {action}"
        assert "Phòng Công nghệ thông tin" not in body
    elif expected == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
        assert changed in (None, False)
    elif expected == "401":
        assert response.status_code == 401
        assert "Phòng" not in body


def test_staff_see_all_tasks_but_edit_links_only_for_their_unit(world, client):
    client.force_login(world.users["chuyenvien_khtc"])
    listing = client.get(reverse("wagtailsnippets_planning_plantask:list")).content.decode()
    assert "Nhiệm vụ 1.1" in listing and "Nhiệm vụ 1.2" in listing
    edit = reverse("wagtailsnippets_planning_plantask:edit", args=[world.tasks["cntt"].pk])
    own = reverse("wagtailsnippets_planning_plantask:edit", args=[world.tasks["khtc"].pk])
    assert edit not in listing and own in listing
    page = client.get(reverse("planning_admin:task_detail", args=[world.tasks["cntt"].pk]))
    assert "Sửa nhiệm vụ" not in page.content.decode()
    page = client.get(reverse("planning_admin:task_detail", args=[world.tasks["khtc"].pk]))
    assert "Sửa nhiệm vụ" in page.content.decode()


def test_unit_head_landing_page_shows_exactly_their_units_work(world, client):
    client.force_login(world.users["truongphong"])
    html = client.get(reverse("planning_admin:my_unit")).content.decode()
    assert "Phòng Công nghệ thông tin" in html
    assert "Nhiệm vụ 1.1" in html and "Nhiệm vụ 1.2" not in html
    assert "Nhiệm vụ quá hạn" in html
    # A unit head may not look at another unit's landing page by changing the query.
    html = client.get(
        reverse("planning_admin:my_unit"), {"unit": world.units["khtc"].pk}
    ).content.decode()
    assert "Nhiệm vụ 1.2" not in html


def test_public_sees_nothing(world, client):
    for url in (
        reverse("planning_admin:my_unit"),
        reverse("planning_admin:tracking"),
        reverse("wagtailsnippets_planning_reviewrecord:list"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
