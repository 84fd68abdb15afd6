"""Plan re-issue keeps task history; admin pages render; organisation admin and groups."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
from regulations.organisation.models import Role, StaffProfile
from regulations.planning.services.plans import reissue_plan

from .helpers import submitted_record


def amending_plan():
    doc_type = DocumentType.objects.get(name="Kế hoạch")
    doc = LegalDocument(
        number_symbol="800/KH-STTTT",
        kind=DocumentKind.PLAN,
        document_type=doc_type,
        title="Kế hoạch sửa đổi",
        issued_date=date(2017, 8, 1),
    )
    doc.full_clean(exclude=["slug"])
    doc.save()
    return doc


def test_reissue_plan_adds_a_version_and_tasks_keep_history(world):
    task = world.tasks["cntt"]
    before = task.revisions.count()
    version = reissue_plan(world.plan, amending_plan(), date(2017, 8, 1), world.users["lanhdao"])
    assert version.amending_document.number_symbol == "800/KH-STTTT"
    task.refresh_from_db()
    assert task.plan_id == world.plan.pk
    assert task.revisions.count() == before
    with pytest.raises(ValidationError) as exc:
        reissue_plan(world.plan, amending_plan_again(), date(2017, 7, 1))
    assert "effective_from" in exc.value.message_dict


def amending_plan_again():
    return LegalDocument.objects.get(number_symbol="800/KH-STTTT")


def test_role_groups_exist_with_permissions_after_migrate(db):
    leadership = Group.objects.get(name="Lãnh đạo Sở")
    codenames = set(leadership.permissions.values_list("codename", flat=True))
    assert {"view_tracking", "view_plantask", "access_admin"} <= codenames
    legal = Group.objects.get(name="Cán bộ pháp chế")
    assert "change_reviewrecord" in set(legal.permissions.values_list("codename", flat=True))


def test_staff_profile_saved_in_admin_puts_user_in_role_group(world, client):
    user = world.users["motcua"]
    profile = StaffProfile.objects.get(user=user)
    client.force_login(world.users["admin"])
    url = reverse("wagtailsnippets_organisation_staffprofile:edit", args=[profile.pk])
    response = client.post(
        url, {"user": user.pk, "unit": world.units["vp"].pk, "role": Role.LEGAL_OFFICER}
    )
    assert response.status_code == 302
    names = set(user.groups.values_list("name", flat=True))
    assert names == {"Cán bộ pháp chế"}


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_planning_plan:add",
        "wagtailsnippets_planning_plantask:add",
        "wagtailsnippets_planning_reviewrecord:add",
        "wagtailsnippets_planning_notification:list",
        "wagtailsnippets_planning_reviewprinciple:list",
        "wagtailsnippets_organisation_unit:list",
        "wagtailsnippets_organisation_staffprofile:list",
        "planning_admin:my_unit",
        "planning_admin:tracking",
        "planning_admin:task_list",
        "wagtailadmin_home",
    ],
)
def test_admin_pages_render_for_an_administrator(world, client, url_name):
    client.force_login(world.users["admin"])
    assert client.get(reverse(url_name)).status_code == 200


def test_dashboard_panel_shows_the_units_work(world, client):
    client.force_login(world.users["truongphong"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Việc của đơn vị tôi" in html and "Phòng Công nghệ thông tin" in html


def test_legal_officer_sees_approve_action_on_the_record(world, client):
    record = submitted_record(world)
    record.current_workflow_state.current_task_state.approve(user=world.users["truongphong_khtc"])
    record.refresh_from_db()
    client.force_login(world.users["phapche"])
    url = reverse("wagtailsnippets_planning_reviewrecord:edit", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200
    state = record.current_workflow_state.current_task_state
    collect = reverse(
        "wagtailsnippets_planning_reviewrecord:collect_workflow_action_data",
        args=[record.pk, "approve", state.pk],
    )
    assert collect in response.content.decode()


def test_task_inspect_and_history_for_viewers(world, client):
    client.force_login(world.users["motcua"])
    task = world.tasks["cntt"]
    assert (
        client.get(reverse("wagtailsnippets_planning_plantask:inspect", args=[task.pk])).status_code
        == 200
    )


def test_date_picker_script_loads_before_the_widgets_that_call_it(world, client):
    from django.urls import reverse

    pages = [
        ("truongphong", reverse("planning_admin:task_detail", args=[world.tasks["cntt"].pk])),
        ("lanhdao", "/admin/ke-hoach/theo-doi/"),
    ]
    for user, url in pages:
        client.force_login(world.users[user])
        html = client.get(url).content.decode()
        assert "initDateChooser(" in html, url
        assert html.index("date-time-chooser.js") < html.index("initDateChooser("), url
