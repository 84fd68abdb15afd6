"""Hiệu lực pháp lý (Law 80/2015/QH13, Điều 4): a lower document cannot amend a higher one."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from regulations.documents.consolidation.service import ConsolidationError, run
from regulations.documents.legal_force import legal_force
from regulations.documents.models import DocumentRelation, LegalVersion
from regulations.documents.services.amend import amend

from .factories import DocumentTypeFactory, make_document, make_version

pytestmark = pytest.mark.django_db

CHANGE = [{"path": "dieu-1", "text": "Nội dung mới."}]


@pytest.fixture
def law():
    doc = make_document("80/2015/QH13", "Luật", date(2015, 6, 22), date(2016, 7, 1), issuer="QH")
    make_version(doc, date(2016, 7, 1))
    return doc


def test_hierarchy_follows_type_and_issuer():
    def rank(number, type_name, issuer):
        year = int(number.split("/")[1]) if number.count("/") == 2 else 2017
        return legal_force(make_document(number, type_name, date(year, 1, 1), issuer=issuer)).rank

    constitution = rank("", "Hiến pháp", "QH")
    law = rank("80/2015/QH13", "Luật", "QH")
    ordinance = rank("01/2017/PL-UBTVQH14", "Pháp lệnh", "UBTVQH14")
    president = rank("02/2017/QĐ-CTN", "Quyết định", "CTN")
    decree = rank("30/2020/NĐ-CP", "Nghị định", "CP")
    prime_minister = rank("09/2015/QĐ-TTg", "Quyết định", "TTg")
    circular = rank("01/2017/TT-BTTTT", "Thông tư", "BTTTT")
    council = rank("05/2017/NQ-HĐND", "Nghị quyết", "HĐND")
    committee = rank("40/2017/QĐ-UBND", "Quyết định", "UBND")
    department = rank("412/QĐ-STTTT", "Quyết định", "STTTT")
    assert (
        constitution < law < ordinance < president < decree < prime_minister < circular
        < council < committee < department
    )  # fmt: skip
    assert rank("15/2017/NQ-QH14", "Nghị quyết", "QH14") == law


def test_department_decision_cannot_amend_a_law_and_nothing_is_saved(law):
    decision = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    with pytest.raises(ValidationError) as exc:
        amend(law, decision, date(2017, 7, 1), CHANGE)
    message = exc.value.message_dict["amending_document"][0]
    assert "412/QĐ-STTTT" in message and "80/2015/QH13" in message
    assert "hiệu lực pháp lý thấp hơn" in message
    assert "Bộ luật, luật, nghị quyết của Quốc hội" in message
    assert LegalVersion.objects.filter(document=law).count() == 1
    assert not DocumentRelation.objects.exists()


def test_document_type_added_by_an_administrator_ranks_by_its_issuer(law):
    DocumentTypeFactory(name="Quyết định cá biệt", abbreviation="QĐCB")
    decision = make_document(
        "7/QĐCB-STTTT", "Quyết định cá biệt", date(2017, 6, 20), date(2017, 7, 1)
    )
    with pytest.raises(ValidationError):
        amend(law, decision, date(2017, 7, 1), CHANGE)


def test_law_may_amend_a_law_and_a_decree_a_department_decision(law):
    amending_law = make_document(
        "63/2020/QH14", "Luật", date(2020, 6, 18), date(2021, 1, 1), issuer="QH"
    )
    assert amend(law, amending_law, date(2021, 1, 1), CHANGE).amending_document == amending_law
    rules = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(rules, date(2017, 2, 15))
    decree = make_document("61/2018/NĐ-CP", "Nghị định", date(2018, 4, 23), issuer="CP")
    assert amend(rules, decree, date(2018, 4, 23), CHANGE).amending_document == decree


def test_consolidate_command_refuses_a_lower_amending_document(law):
    decision = make_document(
        "412/QĐ-STTTT",
        "Quyết định",
        date(2017, 6, 20),
        date(2017, 7, 1),
        title="Quyết định sửa đổi Luật 80/2015/QH13",
    )
    text = "Sửa đổi Điều 1 Luật số 80/2015/QH13 như sau: “Điều 1. Nội dung mới.”"
    make_version(decision, date(2017, 7, 1), rows=[("dieu", "1", "Sửa đổi", text)])
    with pytest.raises(ConsolidationError) as exc:
        run("412/QĐ-STTTT", base_number="80/2015/QH13", dry_run=True)
    assert "hiệu lực pháp lý thấp hơn" in str(exc.value)


def test_amend_page_shows_the_reason_on_the_amending_document_field(client, law):
    client.force_login(get_user_model().objects.create_superuser("pc", "pc@example.com", "x"))
    decision = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    response = client.post(
        reverse("van-ban-sua-doi:amend"),
        {
            "document": law.pk,
            "amending_document": decision.pk,
            "effective_from": "01/07/2017",
            "changes-TOTAL_FORMS": "1",
            "changes-INITIAL_FORMS": "0",
            "changes-MIN_NUM_FORMS": "1",
            "changes-MAX_NUM_FORMS": "1000",
            "changes-0-path": "dieu-1",
            "changes-0-action": "replace",
            "changes-0-text": "Nội dung mới.",
        },
    )
    assert response.status_code == 200
    assert "hiệu lực pháp lý thấp hơn" in response.content.decode()
    assert LegalVersion.objects.filter(document=law).count() == 1
