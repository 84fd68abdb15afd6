"""Relations: readable from both sides with the right wording; bad relations refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regulations.documents.models import DocumentRelation, RelationType

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


def test_wording_from_both_sides():
    plan = make_document("572/KH-STTTT", "Kế hoạch", date(2017, 3, 31))
    city_plan = make_document("69/KH-UBND", "Kế hoạch", date(2017, 3, 20), issuer="UBND")
    rel = DocumentRelation.objects.create(
        source=plan, relation_type=RelationType.BASED_ON, target=city_plan
    )
    assert rel.forward_label == "Căn cứ"
    assert rel.backward_label == "Là căn cứ của"
    assert list(city_plan.relations_in.all()) == [rel]
    replaces = DocumentRelation(source=plan, relation_type=RelationType.REPLACES, target=city_plan)
    assert (replaces.forward_label, replaces.backward_label) == ("Thay thế", "Bị thay thế bởi")


def test_a_document_cannot_relate_to_itself():
    doc = make_document()
    rel = DocumentRelation(source=doc, relation_type=RelationType.REFERS_TO, target=doc)
    with pytest.raises(ValidationError) as exc:
        rel.full_clean()
    assert "chính nó" in exc.value.message_dict["target"][0]


def test_replacement_cycles_are_refused():
    a = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    b = make_document("02/QĐ-STTTT", "Quyết định", date(2017, 2, 5))
    c = make_document("03/QĐ-STTTT", "Quyết định", date(2017, 3, 5))
    DocumentRelation.objects.create(source=a, relation_type=RelationType.REPLACES, target=b)
    DocumentRelation.objects.create(source=b, relation_type=RelationType.REPLACES, target=c)
    cycle = DocumentRelation(source=c, relation_type=RelationType.REPLACES, target=a)
    with pytest.raises(ValidationError) as exc:
        cycle.full_clean()
    assert "thay thế" in exc.value.message_dict["target"][0]


def test_target_provision_must_exist_in_the_target():
    rules = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(rules, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20))
    good = DocumentRelation(
        source=amending,
        relation_type=RelationType.AMENDS,
        target=rules,
        target_provision="Dieu-2/khoan-1/",
    )
    good.full_clean()
    assert good.target_provision == "dieu-2/khoan-1"
    bad = DocumentRelation(
        source=amending, relation_type=RelationType.AMENDS, target=rules, target_provision="dieu-9"
    )
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "Điều 9" in exc.value.message_dict["target_provision"][0]
