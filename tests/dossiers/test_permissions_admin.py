"""Roles × actions on the admin views, unit scoping and personal data."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regulations.calendar.permissions import ROLE_PERMISSIONS as CALENDAR_PERMISSIONS
from regulations.dossiers.models import ApologyLetter, Dossier
from regulations.dossiers.permissions import ROLE_PERMISSIONS
from regulations.organisation.models import Role
from regulations.organisation.roles import collected_role_permissions

from .factories import UnitFactory, at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    mine, other = UnitFactory(name="Phòng Bưu chính"), UnitFactory(name="Phòng Báo chí")
    p_mine = make_procedure("1.000001.000.00.00.H29", unit=mine)
    p_other = make_procedure("1.000002.000.00.00.H29", unit=other)
    d_mine = make_dossier(p_mine, "MINE-1", at(2017, 3, 6, 9))
    d_other = make_dossier(p_other, "OTHER-1", at(2017, 3, 6, 9), applicant_phone="0900111222")
    users = {
        "officer": staff(Role.ONE_STOP_OFFICER, mine),
        "head": staff(Role.UNIT_HEAD, mine),
        "leader": staff(Role.LEADERSHIP, UnitFactory(name="Ban Giám đốc")),
        "clerk": staff(Role.UNIT_STAFF, mine),
    }
    return {"mine": d_mine, "other": d_other, **users}


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_role_permissions_are_collected_by_the_organisation_roles():
    collected = collected_role_permissions()
    for role, perms in {**ROLE_PERMISSIONS}.items():
        assert set(perms) <= collected[role]
    for role, perms in CALENDAR_PERMISSIONS.items():
        assert set(perms) <= collected[role]


def _awaiting_letter(world):
    from regulations.dossiers.services.letters import draft_letter

    return draft_letter(
        world["mine"], world["officer"], "Cần xác minh", date(2099, 1, 5), "A", "Phó Giám đốc"
    )


@pytest.mark.parametrize(
    "who, dashboard, import_, report, letter, add, sign, pending, receipt",
    [
        ("officer", 200, 200, 200, 200, 200, 403, 200, 200),
        ("head", 200, 403, 200, 403, 403, 403, 403, 200),
        ("leader", 200, 403, 200, 403, 403, 200, 200, 200),
        ("clerk", 403, 403, 403, 403, 403, 403, 403, 403),
    ],
)
def test_role_by_action(
    client, world, who, dashboard, import_, report, letter, add, sign, pending, receipt
):
    user = world[who]
    awaiting = _awaiting_letter(world)
    expected = {
        reverse("dossiers_admin:dashboard"): dashboard,
        reverse("dossiers_admin:import"): import_,
        reverse("dossiers_admin:report"): report,
        reverse("dossiers_admin:letter", args=[world["mine"].pk]): letter,
        reverse("dossiers_admin:letter_review", args=[awaiting.pk]): sign,
        reverse("dossiers_admin:letters_pending"): pending,
        reverse("dossiers_admin:receipt", args=[world["mine"].pk]): receipt,
    }
    for url, status in expected.items():
        response = get(client, user, url)
        if status == 200:
            assert response.status_code == 200, (who, url, response.status_code)
        else:  # Wagtail turns PermissionDenied into a redirect to the dashboard
            assert response.status_code in (302, 403), (who, url, response.status_code)
            assert response.status_code == 403 or response.url == "/admin/"
    add_response = get(client, user, reverse("wagtailsnippets_dossiers_dossier:add"))
    assert (add_response.status_code == 200) == (add == 200)


def test_unit_head_sees_own_unit_leadership_and_officer_see_all(client, world):
    detail_other = reverse("dossiers_admin:detail", args=[world["other"].pk])
    assert get(client, world["head"], detail_other).status_code == 404
    assert get(client, world["leader"], detail_other).status_code == 200
    assert get(client, world["officer"], detail_other).status_code == 200
    listing = get(client, world["head"], reverse("wagtailsnippets_dossiers_dossier:list"))
    html = listing.content.decode()
    assert "MINE-1" in html and "OTHER-1" not in html
    listing = get(client, world["leader"], reverse("wagtailsnippets_dossiers_dossier:list"))
    assert "OTHER-1" in listing.content.decode()


def test_personal_data_is_staff_only(client, world):
    url = reverse("dossiers_admin:detail", args=[world["other"].pk])
    assert "0900111222" in get(client, world["officer"], url).content.decode()
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code in (302, 403)
    assert "0900111222" not in anonymous.content.decode()
    outsider = get_user_model().objects.create_user("outsider", password="x")
    assert get(client, outsider, url).status_code in (302, 403)


def test_officer_drafts_a_letter_in_the_admin_and_downloads_the_docx(client, world):
    officer, dossier = world["officer"], world["mine"]
    client.force_login(officer)
    url = reverse("dossiers_admin:letter", args=[dossier.pk])
    page = client.get(url).content.decode()
    assert "Trình lãnh đạo ký" in page and "chưa hoàn thành việc xử lý" in page  # prefilled
    response = client.post(
        url,
        {
            "reason": "Cần xác minh",
            "new_appointment_date": "2099-01-05",
            "signer_name": "Phạm Văn Đức",
            "signer_title": "Trưởng phòng",
            "issued_on": date.today().isoformat(),
        },
    )
    assert response.status_code == 302
    letter = ApologyLetter.objects.get(dossier=dossier)
    assert letter.created_by == officer
    # Not issued by the officer alone: it waits for the leadership, unnumbered.
    assert (letter.state, letter.number) == ("cho_ky", None)
    docx = client.get(reverse("dossiers_admin:letter_docx", args=[letter.pk]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    head = world["head"]
    assert (
        get(client, head, reverse("dossiers_admin:letter_docx", args=[letter.pk])).status_code
        == 200
    )


def test_officer_imports_csv_through_the_admin_form(client, world):
    client.force_login(world["officer"])
    data = (
        "\ufeffMã hồ sơ;Mã thủ tục;Người nộp;Ngày tiếp nhận;Trạng thái\n"
        "CSV-1;1.000001.000.00.00.H29;Lê Văn Tám;07/03/2017 10:00;2\n"
        "CSV-2;1.000001.000.00.00.H29;;07/03/2017;2\n"
    ).encode()
    response = client.post(
        reverse("dossiers_admin:import"), {"file": SimpleUploadedFile("hoso.csv", data)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 hồ sơ mới" in html and "Người nộp: trống" in html
    assert Dossier.objects.filter(code="CSV-1").exists()


def test_admin_create_form_computes_the_appointment_and_records_history(client, world):
    officer = world["officer"]
    client.force_login(officer)
    procedure = world["mine"].procedure
    response = client.post(
        reverse("wagtailsnippets_dossiers_dossier:add"),
        {
            "code": "NEW-1",
            "procedure": procedure.pk,
            "method_kind": "truc_tiep",
            "applicant_name": "Đỗ Thị Lan",
            "applicant_phone": "0912000111",
            "applicant_email": "",
            "applicant_address": "",
            "received_at": "2017-03-06 09:00",
            "unit": procedure.handling_unit.pk,
            "officer": "",
            "status": 2,
            "finished_at": "",
            "returned_at": "2017-03-01 09:00",
        },
    )
    assert response.status_code == 200  # re-rendered with the error
    assert "Ngày trả kết quả không thể trước ngày tiếp nhận" in response.content.decode()
    assert not Dossier.objects.filter(code="NEW-1").exists()


def test_officer_dashboard_lists_late_and_due_soon(client, world):
    client.force_login(world["officer"])
    html = client.get(reverse("dossiers_admin:dashboard")).content.decode()
    assert "MINE-1" in html  # due in 2017, unfinished → late today
    assert "Sắp đến hạn" in html


def test_officer_changes_status_and_extends_in_the_admin(client, world):
    officer, dossier = world["officer"], world["mine"]
    client.force_login(officer)
    detail = reverse("dossiers_admin:detail", args=[dossier.pk])
    assert client.post(detail, {"status": 4, "note": "Chuyển xử lý"}).status_code == 302
    extend = reverse("dossiers_admin:extend", args=[dossier.pk])
    response = client.post(extend, {"new_date": "2017-03-20", "reason": "Chờ bổ sung"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert (dossier.status_id, dossier.due_date) == (4, date(2017, 3, 20))
    head = world["head"]
    client.force_login(head)
    assert client.post(detail, {"status": 9}).status_code in (302, 403)
    dossier.refresh_from_db()
    assert dossier.status_id == 4


def test_snippet_listing_filters_by_late_status_unit_and_edit_form_renders(client, world):
    client.force_login(world["leader"])
    url = reverse("wagtailsnippets_dossiers_dossier:list")
    late = client.get(url, {"late": "yes"}).content.decode()
    assert "MINE-1" in late  # received in 2017 and still open → late
    assert "MINE-1" not in client.get(url, {"late": "no"}).content.decode()
    by_unit = client.get(url, {"unit": world["other"].unit_id}).content.decode()
    assert "OTHER-1" in by_unit and "MINE-1" not in by_unit
    assert "MINE-1" not in client.get(url, {"status": 9}).content.decode()
    client.force_login(world["officer"])
    edit = client.get(reverse("wagtailsnippets_dossiers_dossier:edit", args=[world["mine"].pk]))
    assert edit.status_code == 200 and "Người nộp" in edit.content.decode()


@pytest.mark.parametrize("who, signs", [("officer", False), ("head", False), ("leader", True)])
def test_only_the_leadership_signs_off_a_letter(client, world, who, signs):
    awaiting = _awaiting_letter(world)
    client.force_login(world[who])
    client.post(reverse("dossiers_admin:letter_review", args=[awaiting.pk]), {"action": "sign"})
    awaiting.refresh_from_db()
    assert (awaiting.state == "da_ky") is signs
    assert (awaiting.number is not None) is signs
    world["mine"].refresh_from_db()
    assert (world["mine"].appointment_date == date(2099, 1, 5)) is signs


def test_leader_returns_a_letter_with_a_note(client, world):
    awaiting = _awaiting_letter(world)
    client.force_login(world["leader"])
    response = client.post(
        reverse("dossiers_admin:letter_review", args=[awaiting.pk]),
        {"action": "return", "note": "Sửa lý do"},
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert (awaiting.state, awaiting.return_note) == ("du_thao", "Sửa lý do")


def test_sign_permission_is_given_to_the_leadership_role_only():
    holders = {
        role for role, perms in ROLE_PERMISSIONS.items() if "dossiers.sign_apologyletter" in perms
    }
    assert holders == {Role.LEADERSHIP}
