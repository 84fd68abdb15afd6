"""Căn cứ pháp lý đã thay đổi: a confirmed legal version flags the procedures it affects."""

from datetime import date

import pytest

from regulations.documents.models import LegalVersion
from regulations.documents.services.amend import amend
from regulations.documents.signals import version_confirmed
from regulations.procedures.models import ProcedureBasisChange
from regulations.procedures.services.affected import changed_paths, flag_affected

from .factories import ProcedureVersionFactory, basis, decision, law_with_articles

pytestmark = pytest.mark.django_db


def _amending(number="01/2018/QH14"):
    return decision(number_symbol=number, issued=date(2018, 1, 5), title="Luật sửa đổi")


def _confirm(law, changes, effective=date(2018, 7, 1), number="01/2018/QH14"):
    """What the officer's confirmation does: the new version, then the signal."""
    previous = law.versions.order_by("-effective_from").first()
    version = amend(law, _amending(number), effective, changes)
    version_confirmed.send(sender=LegalVersion, version=version, previous=previous)
    return version, previous


def _procedure_citing(law, path):
    version = ProcedureVersionFactory()
    basis(version, law, path)
    return version.procedure


def test_changed_provision_flags_the_procedure_citing_it():
    law = law_with_articles(articles=("35", "36"))
    citing = _procedure_citing(law, "dieu-35")
    version, previous = _confirm(
        law, [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Nội dung mới."}]
    )
    flag = ProcedureBasisChange.objects.get()
    assert flag.procedure == citing
    assert flag.legal_version == version and flag.previous_version == previous
    assert flag.document == law
    assert flag.changes == [{"path": "dieu-35", "status": "changed"}]
    assert flag.changes_label() == "Điều 35 (Sửa đổi)"
    assert flag.resolved_at is None


def test_unchanged_provision_does_not_flag():
    law = law_with_articles(articles=("35", "36"))
    _procedure_citing(law, "dieu-36")
    _confirm(law, [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Nội dung mới."}])
    assert not ProcedureBasisChange.objects.exists()


def test_repealed_provision_flags_as_repealed():
    law = law_with_articles(articles=("35", "36"))
    citing = _procedure_citing(law, "dieu-36/khoan-1")
    _confirm(law, [{"path": "dieu-36", "action": "repeal"}])
    flag = ProcedureBasisChange.objects.get(procedure=citing)
    assert flag.changes == [{"path": "dieu-36/khoan-1", "status": "removed"}]
    assert flag.changes_label() == "khoản 1 Điều 36 (Bãi bỏ)"


def test_basis_citing_the_whole_document_is_flagged_by_any_change():
    law = law_with_articles(articles=("35",))
    citing = _procedure_citing(law, "")
    _confirm(law, [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Khác."}])
    flag = ProcedureBasisChange.objects.get(procedure=citing)
    assert flag.changes_label() == "cả văn bản (Sửa đổi)"


def test_signal_twice_keeps_one_flag():
    law = law_with_articles(articles=("35",))
    _procedure_citing(law, "dieu-35")
    version, previous = _confirm(
        law, [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Khác."}]
    )
    version_confirmed.send(sender=LegalVersion, version=version, previous=previous)
    assert flag_affected(version, previous)[0] == ProcedureBasisChange.objects.get()
    assert ProcedureBasisChange.objects.count() == 1


def test_first_version_without_previous_flags_nothing():
    law = law_with_articles(articles=("35",))
    _procedure_citing(law, "dieu-35")
    version = law.versions.get()
    version_confirmed.send(sender=LegalVersion, version=version, previous=None)
    assert not ProcedureBasisChange.objects.exists()


def test_superseded_procedure_version_is_not_flagged():
    law = law_with_articles(articles=("35",))
    old = ProcedureVersionFactory(effective_from=date(2017, 3, 14))
    basis(old, law, "dieu-35")
    newer = ProcedureVersionFactory(
        procedure=old.procedure, effective_from=date(2018, 1, 1), decision=decision("9/QĐ-UBND")
    )
    basis(newer, decision("10/QĐ-UBND"), "")
    _confirm(law, [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Khác."}])
    assert not ProcedureBasisChange.objects.exists()


def test_changed_paths_reports_added_sub_units_and_repeals():
    law = law_with_articles(articles=("35", "36"))
    previous = law.versions.get()
    version = amend(
        law,
        _amending(),
        date(2018, 7, 1),
        [
            {"path": "dieu-35/khoan-2", "action": "insert", "level": "khoan", "number": "2",
             "text": "Khoản bổ sung."},
            {"path": "dieu-36", "action": "repeal"},
        ],
    )  # fmt: skip
    assert changed_paths(previous, version) == {
        "dieu-35/khoan-2": "added",
        "dieu-36": "removed",
        "dieu-36/khoan-1": "removed",
    }
