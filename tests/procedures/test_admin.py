"""Wagtail admin for thủ tục hành chính: menu, listings, create/edit, bad input, revisions."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from regulations.procedures.models import Procedure, ProcedureMethod, ProcedureVersion

from .factories import (
    LegalFieldFactory,
    ProcedureFactory,
    ProcedureVersionFactory,
    UnitFactory,
    component,
    decision,
    law_with_articles,
)
from .factories import method as add_method

pytestmark = pytest.mark.django_db

PROCEDURE = "wagtailsnippets_procedures_procedure"
VERSION = "wagtailsnippets_procedures_procedureversion"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("phapche", "phapche@example.com", "x")
    client.force_login(user)
    return client


def _html(response):
    return response.content.decode()


def test_admin_menu_groups_procedures_under_one_item(admin_client, rf):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = get_user_model().objects.get(username="phapche")
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    group = items["thu-tuc-hanh-chinh"]
    assert str(group.label) == "Thủ tục hành chính"
    urls = [child.url for child in group.menu.menu_items_for_request(request)]
    assert urls == [
        reverse("wagtailsnippets_procedures_procedureset:list"),
        reverse(f"{PROCEDURE}:list"),
        reverse(f"{VERSION}:list"),
    ]


def test_procedure_listing_filters_by_field_and_searches_code(admin_client):
    press = LegalFieldFactory(name="Báo chí", slug="bao-chi")
    post = LegalFieldFactory(name="Bưu chính", slug="buu-chinh")
    ProcedureFactory(code="1.000001.000.00.00.H29", name="Cấp giấy phép bản tin", legal_field=press)
    ProcedureFactory(
        code="1.000002.000.00.00.H29", name="Cấp giấy phép bưu chính", legal_field=post
    )
    html = _html(admin_client.get(reverse(f"{PROCEDURE}:list"), {"legal_field": press.pk}))
    assert "Cấp giấy phép bản tin" in html and "Cấp giấy phép bưu chính" not in html
    html = _html(admin_client.get(reverse(f"{PROCEDURE}:list"), {"q": "1.000002"}))
    assert "Cấp giấy phép bưu chính" in html and "Cấp giấy phép bản tin" not in html
    html = _html(admin_client.get(reverse(f"{PROCEDURE}:list"), {"level": "tinh"}))
    assert "Cấp giấy phép bưu chính" in html


def _procedure_post(**overrides):
    unit = UnitFactory()
    data = {
        "code": "1.000656.000.00.00.H29",
        "name": "Cấp giấy phép xuất bản bản tin",
        "slug": "",
        "procedure_set": "",
        "level": "tinh",
        "procedure_type": "",
        "legal_field": LegalFieldFactory().pk,
        "handling_unit": unit.pk,
    }
    data.update(overrides)
    return data


def test_create_and_publish_procedure(admin_client):
    response = admin_client.post(
        reverse(f"{PROCEDURE}:add"), {**_procedure_post(), "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    procedure = Procedure.objects.get(code="1.000656.000.00.00.H29")
    assert procedure.live and procedure.live_revision is not None
    assert procedure.slug == "cap-giay-phep-xuat-ban-ban-tin"


def test_create_procedure_with_bad_code_shows_message_and_saves_nothing(admin_client):
    response = admin_client.post(
        reverse(f"{PROCEDURE}:add"),
        {**_procedure_post(code="1.000656 H29 ?"), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    assert "Mã thủ tục chỉ gồm chữ, số, dấu chấm và gạch ngang" in _html(response)
    assert not Procedure.objects.exists()


def test_draft_of_a_live_procedure_keeps_the_public_row(admin_client, client):
    procedure = ProcedureFactory(name="Tên cũ")
    ProcedureVersionFactory(procedure=procedure)
    data = _procedure_post(code=procedure.code, name="Tên mới", slug=procedure.slug)
    response = admin_client.post(reverse(f"{PROCEDURE}:edit", args=[procedure.pk]), data)
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.name == "Tên cũ" and procedure.has_unpublished_changes
    assert procedure.latest_revision.as_object().name == "Tên mới"
    assert "Tên cũ" in _html(client.get(procedure.get_absolute_url()))


def _version_post(procedure, decision_doc=None, methods=None, components=(), basis=(), **extra):
    data = {
        "procedure": procedure.pk,
        "effective_from": "2017-03-14",
        "decision": decision_doc.pk if decision_doc else "",
        "change_summary": "",
        "applicants": "Tổ chức",
        "implementing_agency": "Sở Thông tin và Truyền thông",
        "competent_agency": "Sở Thông tin và Truyền thông",
        "coordinating_agency": "",
        "submission_place": "185 Giảng Võ",
        "result": "Giấy phép",
        "requirements": "",
        "steps": inline_formset([{"title": "Bước 1: Nộp hồ sơ", "description": "Tại Một cửa"}]),
        "methods": inline_formset(
            methods
            if methods is not None
            else [
                {
                    "kind": "truc_tiep",
                    "processing_days": "15",
                    "processing_note": "",
                    "fee": "0",
                    "fee_description": "",
                }
            ],
            min=1,
        ),
        "components": inline_formset(list(components)),
        "legal_basis": inline_formset(list(basis)),
    }
    data.update(extra)
    return nested_form_data(data)


def _component(name="Tờ khai", originals="1", copies="0"):
    return {"name": name, "originals": originals, "copies": copies, "form_template": "", "note": ""}


def test_create_version_with_steps_methods_components_and_legal_basis(admin_client):
    procedure = ProcedureFactory()
    law = law_with_articles(articles=("35",))
    data = _version_post(
        procedure,
        decision(),
        components=[_component(), _component("Bản sao quyết định thành lập", "0", "1")],
        basis=[{"document": law.pk, "provision_path": "khoản 1 Điều 35"}],
    )
    response = admin_client.post(reverse(f"{VERSION}:add"), data)
    assert response.status_code == 302, _html(response)[:3000]
    version = ProcedureVersion.objects.get(procedure=procedure)
    assert version.steps.count() == 1
    assert version.methods.get().processing_days == 15
    assert [c.quantity_label for c in version.components.all()] == [
        "Bản chính: 1 - Bản sao: 0",
        "Bản chính: 0 - Bản sao: 1",
    ]
    assert version.legal_basis.get().provision_path == "dieu-35/khoan-1"
    assert version.revisions.count() == 1


@pytest.mark.parametrize(
    ("method", "basis_path", "message"),
    [
        ({"processing_days": "0"}, "", "Thời hạn giải quyết (ngày làm việc) phải lớn hơn 0."),
        ({"fee": "-1000"}, "", "Phí, lệ phí không thể âm."),
        ({}, "Điều 99", "Không có Điều 99 (dieu-99) trong phiên bản hiện hành"),
    ],
)
def test_bad_version_input_shows_message_and_saves_nothing(
    admin_client, method, basis_path, message
):
    procedure = ProcedureFactory()
    law = law_with_articles(articles=("35",))
    row = {
        "kind": "truc_tiep",
        "processing_days": "15",
        "processing_note": "",
        "fee": "0",
        "fee_description": "",
        **method,
    }
    basis = [{"document": law.pk, "provision_path": basis_path}] if basis_path else []
    data = _version_post(
        procedure, decision(), methods=[row], components=[_component()], basis=basis
    )
    response = admin_client.post(reverse(f"{VERSION}:add"), data)
    assert response.status_code == 200
    assert message in _html(response)
    assert not ProcedureVersion.objects.exists()
    assert not ProcedureMethod.objects.exists()


def test_duplicate_date_missing_decision_and_duplicate_method_are_rejected(admin_client):
    first = ProcedureVersionFactory(decision=decision())
    add_method(first)
    procedure = first.procedure
    url = reverse(f"{VERSION}:add")

    response = admin_client.post(url, _version_post(procedure, decision("2/QĐ-UBND")))
    assert "Ngày áp dụng trùng" in _html(response)

    response = admin_client.post(url, _version_post(procedure, None, effective_from="2018-09-01"))
    assert "Chưa chọn quyết định công bố/sửa đổi" in _html(response)

    row = {"kind": "truc_tiep", "processing_days": "10", "fee": "0"}
    response = admin_client.post(
        url,
        _version_post(
            procedure,
            decision("3/QĐ-UBND", date(2018, 8, 1)),
            methods=[row, dict(row)],
            effective_from="2018-09-01",
        ),
    )
    assert "Cách thức “Trực tiếp” đã được khai báo ở dòng khác" in _html(response)

    response = admin_client.post(
        url,
        _version_post(
            procedure,
            decision("4/QĐ-UBND", date(2018, 8, 1)),
            methods=[],
            effective_from="2018-09-01",
        ),
    )
    assert response.status_code == 200
    assert ProcedureVersion.objects.filter(procedure=procedure).count() == 1


def test_edit_version_records_revisions_and_compare_view_works(admin_client):
    version = ProcedureVersionFactory(decision=decision())
    add_method(version)
    component(version, "Tờ khai")
    version.save_revision()
    method = version.methods.get()
    comp = version.components.get()
    data = _version_post(
        version.procedure,
        version.decision,
        methods=[
            {
                "id": method.pk,
                "kind": "truc_tiep",
                "processing_days": "10",
                "processing_note": "",
                "fee": "0",
                "fee_description": "",
            }
        ],
        components=[{"id": comp.pk, **_component("Tờ khai")}],
    )
    data["methods-INITIAL_FORMS"] = "1"
    data["components-INITIAL_FORMS"] = "1"
    response = admin_client.post(reverse(f"{VERSION}:edit", args=[version.pk]), data)
    assert response.status_code == 302, _html(response)[:2000]
    version.refresh_from_db()
    assert version.methods.get().processing_days == 10
    revisions = list(version.revisions.order_by("created_at"))
    assert len(revisions) == 2
    compare = reverse(
        f"{VERSION}:revisions_compare", args=[version.pk, revisions[0].pk, revisions[1].pk]
    )
    response = admin_client.get(compare)
    assert response.status_code == 200
    history = admin_client.get(reverse(f"{VERSION}:history", args=[version.pk]))
    assert history.status_code == 200


def test_new_simplified_version_action_copies_and_opens_the_editor(admin_client):
    version = ProcedureVersionFactory(decision=decision())
    add_method(version)
    component(version, "Tờ khai")
    edit = _html(admin_client.get(reverse(f"{VERSION}:edit", args=[version.pk])))
    url = reverse(f"{VERSION}:new_version", args=[version.pk])
    assert url in edit
    response = admin_client.post(url, {"effective_from": "2017-01-01", "decision": ""})
    assert response.status_code == 200
    html = _html(response)
    assert "phải sau ngày áp dụng của phiên bản gốc (14/03/2017)" in html
    assert "Chưa chọn quyết định sửa đổi." in html
    amending = decision("4830/QĐ-UBND", date(2018, 8, 20))
    response = admin_client.post(
        url, {"effective_from": "2018-09-01", "decision": amending.pk, "change_summary": "Rút gọn"}
    )
    new = ProcedureVersion.objects.get(effective_from=date(2018, 9, 1))
    assert response.status_code == 302
    assert response["Location"] == reverse(f"{VERSION}:edit", args=[new.pk])
    assert new.components.get().name == "Tờ khai" and new.decision == amending


def test_add_version_from_procedure_preselects_it(admin_client):
    procedure = ProcedureFactory()
    edit = _html(admin_client.get(reverse(f"{PROCEDURE}:edit", args=[procedure.pk])))
    assert f"{reverse(f'{VERSION}:add')}?procedure={procedure.pk}" in edit
    html = _html(admin_client.get(reverse(f"{VERSION}:add"), {"procedure": procedure.pk}))
    assert f'name="procedure" value="{procedure.pk}"' in html


def test_admin_listings_edit_pages_and_procedure_compare_render(admin_client):
    version = ProcedureVersionFactory(decision=decision())
    add_method(version)
    procedure = version.procedure
    for url in [
        reverse("wagtailsnippets_procedures_procedureset:list"),
        reverse("wagtailsnippets_procedures_procedureset:edit", args=[procedure.procedure_set.pk]),
        reverse(f"{VERSION}:list"),
        reverse(f"{VERSION}:list") + f"?legal_field={procedure.legal_field.pk}",
        reverse(f"{VERSION}:list") + "?q=" + procedure.code,
        reverse(f"{VERSION}:edit", args=[version.pk]),
        reverse(f"{PROCEDURE}:add"),
        reverse(f"{PROCEDURE}:edit", args=[procedure.pk]),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    listing = _html(admin_client.get(reverse(f"{VERSION}:list")))
    assert procedure.code in listing and "1507/QĐ-UBND" in listing
    other = ProcedureVersionFactory(procedure=ProcedureFactory(code="9.999999.000.00.00.H29"))
    listing = _html(
        admin_client.get(reverse(f"{VERSION}:list"), {"handling_unit": procedure.handling_unit_id})
    )
    assert procedure.code in listing and other.procedure.code not in listing

    first = procedure.save_revision()
    procedure.name = "Tên sau khi sửa"
    second = procedure.save_revision()
    compare = reverse(f"{PROCEDURE}:revisions_compare", args=[procedure.pk, first.pk, second.pk])
    html = _html(admin_client.get(compare))
    assert "Tên sau khi sửa" in html


def test_role_groups_get_procedure_permissions():
    from django.contrib.auth.models import Permission

    from regulations.organisation.models import Role
    from regulations.organisation.roles import sync_role_groups

    groups = sync_role_groups()
    legal = set(
        Permission.objects.filter(group=groups[Role.LEGAL_OFFICER]).values_list(
            "codename", flat=True
        )
    )
    assert {"add_procedureversion", "change_procedure", "publish_procedure"} <= legal
    one_stop = set(
        Permission.objects.filter(group=groups[Role.ONE_STOP_OFFICER]).values_list(
            "codename", flat=True
        )
    )
    assert "view_procedure" in one_stop and "change_procedure" not in one_stop
