"""Admin (Wagtail): Vietnamese validation messages naming the field; nothing saved."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.documents.models import (
    DocumentRelation,
    DocumentType,
    LegalDocument,
    LegalVersion,
    RelationType,
)

from .factories import IssuingBodyFactory, make_document, make_version

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_documents_legaldocument:add"
EDIT = "wagtailsnippets_documents_legaldocument:edit"
VERSION_ADD = "wagtailsnippets_documents_legalversion:add"
VERSION_EDIT = "wagtailsnippets_documents_legalversion:edit"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("phapche", "pc@example.com", "x")
    client.force_login(user)
    return client


def _formset(prefix, rows=(), initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
        data[f"{prefix}-{i}-DELETE"] = ""
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def _document_form(doc=None, relations=(), **overrides):
    plan = DocumentType.objects.get(name="Kế hoạch")
    body = IssuingBodyFactory()
    data = {
        "kind": "ke_hoach",
        "document_type": str(doc.document_type_id if doc else plan.pk),
        "number_symbol": doc.number_symbol if doc else "572/KH-STTTT",
        "title": doc.title if doc else "Kế hoạch thực hiện Năm kỷ cương hành chính 2017",
        "summary": "",
        "issuing_body": str(body.pk),
        "legal_field": "",
        "sector": "",
        "signer_name": "",
        "signer_title": "",
        "issued_date": "31/03/2017",
        "effective_date": "31/03/2017",
        "expiry_date": "",
        "original_file": "",
        "recipients": "",
        "tags": "",
        "slug": doc.slug if doc else "",
        "status_override": "",
        "status_override_reason": "",
        "action-publish": "action-publish",
    }
    data.update(_formset("relations_out", relations))
    data.update(overrides)
    return data


def test_valid_document_is_created_and_published(admin_client):
    response = admin_client.post(reverse(ADD), _document_form())
    assert response.status_code == 302
    doc = LegalDocument.objects.get()
    assert (doc.number, doc.type_code, doc.issuer_code, doc.year) == ("572", "KH", "STTTT", 2017)
    assert doc.live and doc.revisions.count() == 1


def test_malformed_number_is_refused_in_vietnamese_and_nothing_saved(admin_client):
    response = admin_client.post(reverse(ADD), _document_form(number_symbol="572-KH/STTTT/x/y"))
    assert response.status_code in (200, 400)
    assert "không phải số, ký hiệu hợp lệ" in response.content.decode()
    assert not LegalDocument.objects.exists()


def test_effective_date_before_issue_date_is_refused(admin_client):
    response = admin_client.post(reverse(ADD), _document_form(effective_date="01/03/2017"))
    assert "Ngày có hiệu lực không thể trước ngày ban hành" in response.content.decode()
    assert not LegalDocument.objects.exists()


def test_duplicate_number_in_the_same_year_is_refused(admin_client):
    make_document()
    response = admin_client.post(reverse(ADD), _document_form())
    assert "đã có trong năm 2017" in response.content.decode()
    assert LegalDocument.objects.count() == 1


def test_self_relation_is_refused_in_the_edit_form(admin_client):
    doc = make_document()
    data = _document_form(doc, [{"relation_type": "dan_chieu", "target": str(doc.pk)}])
    response = admin_client.post(reverse(EDIT, args=[doc.pk]), data)
    assert "không thể có quan hệ với chính nó" in response.content.decode()
    assert not DocumentRelation.objects.exists()


def test_replacement_cycle_is_refused_in_the_edit_form(admin_client):
    a = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    b = make_document("02/QĐ-STTTT", "Quyết định", date(2017, 2, 5))
    DocumentRelation.objects.create(source=b, relation_type=RelationType.REPLACES, target=a)
    data = _document_form(
        a,
        [{"relation_type": "thay_the", "target": str(b.pk)}],
        kind="hanh_chinh",
        issued_date="05/01/2017",
        effective_date="05/01/2017",
    )
    response = admin_client.post(reverse(EDIT, args=[a.pk]), data)
    assert "không thể thay thế lẫn nhau" in response.content.decode()
    assert DocumentRelation.objects.count() == 1


def test_bad_provision_path_in_a_relation_is_refused(admin_client):
    rules = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(rules, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20))
    data = _document_form(
        amending,
        [{"relation_type": "sua_doi", "target": str(rules.pk), "target_provision": "dieu-9"}],
        kind="hanh_chinh",
        issued_date="20/06/2017",
        effective_date="20/06/2017",
    )
    response = admin_client.post(reverse(EDIT, args=[amending.pk]), data)
    assert "Quy định bị tác động: không có “dieu-9” (Điều 9)" in response.content.decode()
    assert not DocumentRelation.objects.exists()


def _version_form(doc, effective_from, provisions, **overrides):
    data = {
        "document": str(doc.pk),
        "effective_from": effective_from,
        "amending_document": "",
        "note": "",
    }
    data.update(_formset("provisions", provisions))
    data.update(overrides)
    return data


ARTICLE = {"level": "dieu", "number": "1", "title": "Phạm vi", "text": "", "changed_by": ""}


def test_version_with_identical_effective_date_is_refused(admin_client):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(doc, date(2017, 2, 15))
    response = admin_client.post(reverse(VERSION_ADD), _version_form(doc, "15/02/2017", [ARTICLE]))
    assert "đã có một phiên bản có hiệu lực từ ngày này" in response.content.decode()
    assert LegalVersion.objects.count() == 1


def test_version_form_inserts_article_5a_and_computes_paths(admin_client):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    rows = [
        {**ARTICLE, "number": "5"},
        {**ARTICLE, "level": "khoan", "number": "1", "title": "", "text": "Khoản một."},
        {**ARTICLE, "number": "5a", "title": "Điều bổ sung"},
        {**ARTICLE, "number": "6"},
    ]
    response = admin_client.post(reverse(VERSION_ADD), _version_form(doc, "15/02/2017", rows))
    assert response.status_code == 302, response.content.decode()[:2000]
    version = LegalVersion.objects.get()
    assert list(version.provisions.order_by("sort_order").values_list("path", flat=True)) == [
        "dieu-5",
        "dieu-5/khoan-1",
        "dieu-5a",
        "dieu-6",
    ]


def test_version_form_refuses_duplicate_articles_and_bad_numbers(admin_client):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    duplicate = _version_form(doc, "15/02/2017", [ARTICLE, ARTICLE])
    response = admin_client.post(reverse(VERSION_ADD), duplicate)
    assert "Trùng Điều 1" in response.content.decode()
    bad_point = _version_form(
        doc, "15/02/2017", [ARTICLE, {**ARTICLE, "level": "diem", "number": "1", "title": ""}]
    )
    response = admin_client.post(reverse(VERSION_ADD), bad_point)
    assert "“1” không hợp lệ cho Điểm" in response.content.decode()
    assert not LegalVersion.objects.exists()


def test_version_effective_before_the_document_is_refused(admin_client):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    response = admin_client.post(reverse(VERSION_ADD), _version_form(doc, "01/01/2017", [ARTICLE]))
    assert "trước khi văn bản có hiệu lực" in response.content.decode()
    assert not LegalVersion.objects.exists()


def _amend_form(doc, amending, effective, changes):
    data = {
        "document": str(doc.pk),
        "amending_document": str(amending.pk),
        "effective_from": effective,
        "note": "",
        "changes-TOTAL_FORMS": str(len(changes)),
        "changes-INITIAL_FORMS": str(len(changes)),
        "changes-MIN_NUM_FORMS": "1",
        "changes-MAX_NUM_FORMS": "1000",
    }
    for i, change in enumerate(changes):
        for key in ("path", "action", "level", "number", "title", "text"):
            data[f"changes-{i}-{key}"] = change.get(key, "")
    return data


def test_amend_view_creates_a_version_or_names_the_bad_path(admin_client):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(doc, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    url = reverse("van-ban-sua-doi:amend")
    assert admin_client.get(url + f"?document={doc.pk}").status_code == 200
    bad = _amend_form(
        doc,
        amending,
        "01/07/2017",
        [{"path": "dieu-2/khoan-9", "action": "replace", "text": "Nội dung mới."}],
    )
    response = admin_client.post(url, bad)
    assert (
        "Quy định “dieu-2/khoan-9” không có trong phiên bản hiện hành của văn bản."
        in response.content.decode()
    )
    assert LegalVersion.objects.filter(document=doc).count() == 1
    good = _amend_form(
        doc,
        amending,
        "01/07/2017",
        [
            {"path": "dieu-2/khoan-1", "action": "replace", "text": "Nội dung mới."},
            {
                "path": "dieu-3",
                "action": "insert_after",
                "level": "dieu",
                "number": "3a",
                "title": "Điều mới",
                "text": "Bổ sung.",
            },
            {},
        ],
    )
    response = admin_client.post(url, good)
    assert response.status_code == 302
    new = LegalVersion.objects.get(document=doc, effective_from=date(2017, 7, 1))
    assert new.provisions.get(path="dieu-3a").changed_by == amending
    assert new.provisions.get(path="dieu-2/khoan-1").text == "Nội dung mới."


def test_listing_filters_and_search(admin_client):
    make_document()
    make_document("01/CT-UBND", "Chỉ thị", date(2017, 1, 6), issuer="UBND")
    url = reverse("wagtailsnippets_documents_legaldocument:list")
    response = admin_client.get(url, {"kind": "ke_hoach"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "572/KH-STTTT" in content and "01/CT-UBND" not in content
    response = admin_client.get(url, {"q": "CT-UBND"})
    assert "01/CT-UBND" in response.content.decode()


def test_legal_officer_role_can_open_the_amend_view_and_staff_cannot(client):
    from regulations.organisation.models import Role
    from regulations.organisation.roles import group_for, sync_role_groups

    sync_role_groups()
    officer = get_user_model().objects.create_user("phapche2", "p@example.com", "x")
    officer.groups.add(group_for(Role.LEGAL_OFFICER))
    staff = get_user_model().objects.create_user("chuyenvien", "c@example.com", "x")
    staff.groups.add(group_for(Role.UNIT_STAFF))
    url = reverse("van-ban-sua-doi:amend")
    client.force_login(officer)
    assert client.get(url).status_code == 200
    client.force_login(staff)
    assert client.get(url).status_code in (302, 403)
