"""Chọn quy định: the provisions chooser searches folded, follows the document rule,
and fills a procedure's legal basis."""

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from regulations.documents.structure import ProvisionLevel as L
from regulations.procedures.models import ProcedureVersion
from search.service import index_object
from tests.procedures.factories import ProcedureFactory, decision

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db

CHOOSE = "provision_chooser:choose"
RESULTS = "provision_chooser:choose_results"
CHOSEN = "provision_chooser:chosen"

LAW_TEXT = [
    (L.ARTICLE, "4", "Giải thích từ ngữ", "Trong Nghị định này, các từ ngữ được hiểu như sau."),
    (L.ARTICLE, "5", "Cấp phép", ""),
    (L.CLAUSE, "1", "", "Tổ chức được cấp phép khi đủ điều kiện."),
    (L.CLAUSE, "2", "", "Giấy phép thiết lập trang thông tin điện tử tổng hợp có thời hạn."),
]


def _law(number="72/2013/NĐ-CP", live=True):
    law = make_document(
        number_symbol=number,
        type_name="Nghị định",
        issued=date(int(number.split("/")[1]), 7, 15),
        issuer="CP",
        title="Nghị định về quản lý dịch vụ Internet",
        live=live,
    )
    make_version(law, law.issued_date, rows=LAW_TEXT)
    index_object(law)
    return law


def _clause_2(law):
    return law.versions.get().provisions.get(path="dieu-5/khoan-2")


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("pc", "pc@example.com", "x"))
    return client


@pytest.fixture
def staff_without_documents():
    """Admin access, but not the documents listing (documents.view_legaldocument)."""
    client = Client()
    user = get_user_model().objects.create_user("thutuc", "tt@example.com", "x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    return client


def _listing(client, **params):
    response = client.get(reverse(RESULTS), params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_without_marks_finds_the_provision_written_with_marks(editor):
    law = _law()
    for query in ("dieu 5 khoan 2", "giay phep thiet lap"):
        html = _listing(editor, q=query)
        assert "Khoản 2 Điều 5 – 72/2013/NĐ-CP" in html, query
        assert reverse(CHOSEN, args=[_clause_2(law).pk]) in html


def test_search_within_one_document_leaves_the_others_out(editor):
    law = _law()
    other = _law(number="27/2018/NĐ-CP")
    html = _listing(editor, q="giay phep", document=other.pk)
    assert "27/2018/NĐ-CP" in html and "72/2013/NĐ-CP" not in html
    assert reverse(CHOSEN, args=[_clause_2(law).pk]) not in html


def test_a_chosen_document_lists_its_text_in_reading_order(editor):
    law = _law()
    html = _listing(editor, document=law.pk)
    labels = ["Điều 4 – ", "Điều 5 – ", "Khoản 1 Điều 5 – ", "Khoản 2 Điều 5 – "]
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)


def test_the_modal_opens_with_the_search_box_and_the_document_filter(editor):
    _law()
    response = editor.get(reverse(CHOOSE))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert 'name="q"' in html and 'name="document"' in html and "72/2013/NĐ-CP" in html


def test_unpublished_document_provisions_are_not_offered_to_who_may_not_see_it(
    staff_without_documents, editor
):
    draft = _law(number="99/2025/NĐ-CP", live=False)
    clause = _clause_2(draft)
    client = staff_without_documents
    assert "99/2025/NĐ-CP" not in _listing(client, q="giay phep")
    assert "99/2025/NĐ-CP" not in _listing(client, document=draft.pk)
    assert client.get(reverse(CHOSEN, args=[clause.pk])).status_code == 404
    # Who may see the document in the admin listing may choose its provisions.
    assert "Khoản 2 Điều 5 – 99/2025/NĐ-CP" in _listing(editor, q="giay phep", document=draft.pk)
    assert editor.get(reverse(CHOSEN, args=[clause.pk])).status_code == 200


def test_chosen_response_names_the_provision_and_its_document(editor):
    clause = _clause_2(_law())
    result = json.loads(editor.get(reverse(CHOSEN, args=[clause.pk])).content)["result"]
    assert result["id"] == str(clause.pk)
    assert result["title"] == "Khoản 2 Điều 5 – 72/2013/NĐ-CP"


def _version_post(procedure, basis):
    method = {
        "kind": "truc_tiep",
        "processing_days": "15",
        "processing_note": "",
        "fee": "0",
        "fee_description": "",
    }
    return nested_form_data(
        {
            "procedure": procedure.pk,
            "effective_from": "2017-03-14",
            "decision": decision().pk,
            "change_summary": "",
            "applicants": "Tổ chức",
            "implementing_agency": "Sở Thông tin và Truyền thông",
            "competent_agency": "Sở Thông tin và Truyền thông",
            "coordinating_agency": "",
            "submission_place": "185 Giảng Võ",
            "result": "Giấy phép",
            "requirements": "",
            "steps": inline_formset([{"title": "Bước 1", "description": "Nộp hồ sơ"}]),
            "methods": inline_formset([method], min=1),
            "components": inline_formset([]),
            "legal_basis": inline_formset(basis),
        }
    )


def test_a_chosen_provision_saves_the_legal_basis_with_its_document_and_path(editor):
    clause = _clause_2(_law())
    procedure = ProcedureFactory()
    basis = [{"document": "", "provision": clause.pk, "provision_path": ""}]
    response = editor.post(
        reverse("wagtailsnippets_procedures_procedureversion:add"),
        _version_post(procedure, basis),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = ProcedureVersion.objects.get(procedure=procedure).legal_basis.get()
    assert (saved.document_id, saved.provision_path) == (clause.version.document_id, clause.path)
    assert saved.citation_label.startswith("khoản 2 Điều 5")
    edit = editor.get(
        reverse("wagtailsnippets_procedures_procedureversion:edit", args=[saved.version_id])
    )
    assert "Khoản 2 Điều 5 – 72/2013/NĐ-CP" in edit.content.decode()  # the chooser shows it


def test_without_a_document_or_a_provision_the_row_is_refused(editor):
    procedure = ProcedureFactory()
    basis = [{"document": "", "provision": "", "provision_path": "dieu-5"}]
    response = editor.post(
        reverse("wagtailsnippets_procedures_procedureversion:add"),
        _version_post(procedure, basis),
    )
    assert response.status_code == 200
    assert not ProcedureVersion.objects.filter(procedure=procedure).exists()


def test_the_legal_basis_chooser_opens_on_the_rows_document(editor):
    procedure = ProcedureFactory()
    html = editor.get(
        reverse("wagtailsnippets_procedures_procedureversion:add") + f"?procedure={procedure.pk}"
    ).content.decode()
    assert '"linkedFields": {"document": {"match": "^id_legal_basis-[^-]+-"' in html
    law = _law()
    modal = json.loads(editor.get(reverse(CHOOSE), {"document": law.pk}).content)["html"]
    assert f'<option value="{law.pk}" selected>' in modal
    assert "Khoản 2 Điều 5 – 72/2013/NĐ-CP" in modal
