"""Tình trạng hiệu lực derived from dates and from relations of documents in force."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from regulations.documents.models import DocumentRelation, RelationType, ValidityStatus
from regulations.documents.services.validity import derive

from .factories import make_document

pytestmark = pytest.mark.django_db


def _relate(source, relation_type, target, target_provision=""):
    return DocumentRelation.objects.create(
        source=source, relation_type=relation_type, target=target, target_provision=target_provision
    )


def _reload(doc):
    doc.refresh_from_db()
    return doc.validity_status


def test_document_before_its_effective_date_is_not_yet_in_force():
    future = date.today() + timedelta(days=30)
    number = f"10/{date.today().year}/NĐ-CP"
    doc = make_document(number, "Nghị định", issued=date.today(), effective=future, issuer="CP")
    assert doc.validity_status == ValidityStatus.NOT_YET
    assert derive(doc, future) == ValidityStatus.IN_FORCE


def test_document_past_its_expiry_date_has_expired():
    doc = make_document(expiry_date=date(2018, 1, 1))
    assert doc.validity_status == ValidityStatus.EXPIRED
    assert derive(doc, date(2017, 12, 31)) == ValidityStatus.IN_FORCE


def test_full_replacement_by_a_document_in_force_ends_the_old_one():
    old = make_document("09/2015/QĐ-TTg", "Quyết định", date(2015, 3, 25), issuer="TTg")
    new = make_document("61/2018/NĐ-CP", "Nghị định", date(2018, 4, 23), date(2018, 6, 21), "CP")
    assert _reload(old) == ValidityStatus.IN_FORCE
    _relate(new, RelationType.REPLACES, old)
    assert _reload(old) == ValidityStatus.EXPIRED
    # On a day before the replacing decree took effect, the old one was still in force.
    assert derive(old, date(2018, 6, 20)) == ValidityStatus.IN_FORCE


def test_partial_repeal_names_a_provision_and_gives_partly_expired():
    rules = make_document("126/QĐ-STTTT", "Quy chế", date(2017, 2, 20))
    repealing = make_document("35/QĐ-STTTT", "Quyết định", date(2018, 1, 15))
    _relate(repealing, RelationType.REPEALS, rules, target_provision="dieu-6")
    assert _reload(rules) == ValidityStatus.PARTLY_EXPIRED


def test_suspension_whole_and_partial():
    a = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    b = make_document("02/QĐ-STTTT", "Quyết định", date(2017, 1, 6))
    suspender = make_document("03/QĐ-UBND", "Quyết định", date(2017, 2, 1), issuer="UBND")
    _relate(suspender, RelationType.SUSPENDS, a)
    _relate(suspender, RelationType.SUSPENDS, b, target_provision="dieu-2")
    assert _reload(a) == ValidityStatus.SUSPENDED
    assert _reload(b) == ValidityStatus.PARTLY_SUSPENDED


def test_relation_from_an_unpublished_document_does_not_count():
    old = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    draft = make_document("05/QĐ-STTTT", "Quyết định", date(2017, 5, 1), live=False)
    _relate(draft, RelationType.REPEALS, old)
    assert _reload(old) == ValidityStatus.IN_FORCE


def test_deleting_the_relation_restores_the_status():
    old = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    new = make_document("05/QĐ-STTTT", "Quyết định", date(2017, 5, 1))
    relation = _relate(new, RelationType.REPEALS, old)
    assert _reload(old) == ValidityStatus.EXPIRED
    relation.delete()
    assert _reload(old) == ValidityStatus.IN_FORCE


def test_changing_the_repealing_documents_date_recomputes_the_target():
    old = make_document("01/QĐ-STTTT", "Quyết định", date(2017, 1, 5))
    new = make_document("05/QĐ-STTTT", "Quyết định", date(2017, 5, 1))
    _relate(new, RelationType.REPEALS, old)
    assert _reload(old) == ValidityStatus.EXPIRED
    new.effective_date = date.today() + timedelta(days=10)
    new.save()
    assert _reload(old) == ValidityStatus.IN_FORCE


def test_override_with_reason_wins_and_needs_a_reason():
    doc = make_document()
    doc.status_override = ValidityStatus.UNSUITABLE
    with pytest.raises(ValidationError) as exc:
        doc.full_clean()
    assert "status_override_reason" in exc.value.message_dict
    doc.status_override_reason = "Nội dung không còn phù hợp sau khi sáp nhập đơn vị."
    doc.full_clean()
    doc.save()
    assert _reload(doc) == ValidityStatus.UNSUITABLE


def test_refresh_validity_command_fixes_stale_statuses_and_reports():
    doc = make_document()
    type(doc).objects.filter(pk=doc.pk).update(validity_status=ValidityStatus.UNKNOWN)

    class Out:
        text = ""

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    out = Out()
    call_command("refresh_validity", stdout=out)
    assert _reload(doc) == ValidityStatus.IN_FORCE
    assert "1 đã đổi" in out.text
    assert "1/1 văn bản" in out.text


def test_refresh_validity_rejects_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date"):
        call_command("refresh_validity", "--date", "31/03/2017")
