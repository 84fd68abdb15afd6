"""Bản nháp hợp nhất: create the draft for the officer, then confirm or discard it.

- `start` runs the consolidation (service.run) and keeps its outcome in a
  ConsolidationDraft beside the draft version, in one transaction;
- `confirm` publishes the draft in one transaction: the version is no longer a draft,
  the "sửa đổi, bổ sung" / "bãi bỏ" relations are created down to the provision (from
  the instruction's provision in the amending text to the changed unit of the base),
  validity is refreshed and `signals.version_confirmed` is sent (inside the
  transaction, so what receivers build is confirmed with it or not at all);
- `discard` deletes the draft version; the record stays, marked "Đã huỷ".

A draft can be confirmed only while the version it was built from is still the one in
force on its date and nothing later has been confirmed: otherwise it would drop the
changes of the other amendment, and the officer is asked to consolidate again.
Every refusal is a ConsolidationError with a Vietnamese message, and changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from search.indexing import deferred

from ..models import (
    ConsolidationDraft,
    DocumentRelation,
    DraftState,
    LegalDocument,
    LegalVersion,
    RelationType,
)
from ..services.amend import REPEAL, WORD_ACTIONS
from ..services.validity import refresh
from ..services.versions import version_on, versions_of
from ..signals import version_confirmed
from .service import ConsolidationError, Result, document_for, reading_of, run


def candidates(amending: LegalDocument) -> list[LegalDocument]:
    """The library documents the amending text amends (one per group of instructions)."""
    found: dict[int, LegalDocument] = {}
    for group in reading_of(amending).groups:
        doc = document_for(group.law)
        if doc is not None and doc.pk != amending.pk:
            found.setdefault(doc.pk, doc)
    return list(found.values())


def outcomes_of(result: Result) -> list[dict]:
    """The outcomes kept on the record (see models/consolidation.py)."""
    changes: dict[int, list[dict]] = {}
    for n, path, where, change in result.consolidation.done:
        entry = {"path": path, "result": where, "action": change.action}
        if change.action in WORD_ACTIONS:
            entry.update(old=change.old or "", new=change.new or "")
        changes.setdefault(n, []).append(entry)
    return [
        {
            "source": o.instruction.source,
            "text": o.instruction.text,
            "instruction": o.instruction.parsed.instruction or o.instruction.text,
            "action": o.instruction.action or "",
            "targets": o.targets,
            "status": o.status,
            "reasons": o.reasons,
            "reason": o.reason,
            "changes": changes.get(n, []),
        }
        for n, o in enumerate(result.consolidation.outcomes)
    ]


def start(amending: LegalDocument, base: LegalDocument | None = None, user=None):
    """Consolidate `amending` into `base` (or the only document it amends) as a draft."""
    with transaction.atomic(), deferred():
        return _start(amending, base, user)


def _start(amending: LegalDocument, base: LegalDocument | None, user) -> ConsolidationDraft:
    if base is None:
        choices = candidates(amending)
        if len(choices) > 1:
            names = ", ".join(d.number_symbol for d in choices)
            raise ConsolidationError(
                f"Văn bản {amending.number_symbol} sửa đổi nhiều văn bản trong thư viện "
                f"({names}): hãy chọn văn bản được sửa đổi."
            )
    result = run(amending.number_symbol, base.number_symbol if base else "", dry_run=False)
    previous = version_on(result.base, result.effective) or versions_of(result.base).last()
    ConsolidationDraft.objects.filter(
        amending=result.amending, base=result.base, state=DraftState.PENDING
    ).update(state=DraftState.DISCARDED, decided_at=timezone.now())  # replaced by this run
    return ConsolidationDraft.objects.create(
        amending=result.amending,
        base=result.base,
        effective_from=result.effective,
        previous=previous,
        version=result.version,
        outcomes=outcomes_of(result),
        created_by=user,
    )


def _locked(draft: ConsolidationDraft) -> ConsolidationDraft:
    record = ConsolidationDraft.objects.select_for_update().get(pk=draft.pk)
    if record.state == DraftState.CONFIRMED:
        when = (
            timezone.localtime(record.decided_at).strftime("%d/%m/%Y") if record.decided_at else ""
        )
        raise ConsolidationError(
            f"Bản hợp nhất này đã được xác nhận{' ngày ' + when if when else ''}; "
            "không thể xác nhận hay huỷ lại."
        )
    if record.state == DraftState.DISCARDED or record.version_id is None:
        raise ConsolidationError(
            "Bản nháp này đã bị huỷ (hoặc đã được thay bằng lần hợp nhất sau); hãy mở bản "
            "nháp mới nhất hoặc hợp nhất lại."
        )
    return record


def _check_still_current(record: ConsolidationDraft) -> None:
    latest = versions_of(record.base).last()
    if latest is not None and latest.effective_from >= record.effective_from:
        raise ConsolidationError(
            f"Văn bản {record.base.number_symbol} đã có phiên bản có hiệu lực từ "
            f"{latest.effective_from:%d/%m/%Y}, không sớm hơn bản nháp "
            f"({record.effective_from:%d/%m/%Y}): hãy huỷ bản nháp và hợp nhất lại theo "
            "thứ tự ngày có hiệu lực."
        )
    if version_on(record.base, record.effective_from) != record.previous:
        raise ConsolidationError(
            "Phiên bản gốc của bản nháp đã thay đổi kể từ khi hợp nhất: hãy huỷ bản nháp và "
            "hợp nhất lại."
        )


def relate(record: ConsolidationDraft) -> list[DocumentRelation]:
    """The relations of the applied changes: instruction's provision → changed unit."""
    made = []
    for outcome in record.outcomes:
        for change in outcome["changes"]:
            relation, _created = DocumentRelation.objects.get_or_create(
                source=record.amending,
                source_provision=outcome["source"],
                relation_type=(
                    RelationType.REPEALS if change["action"] == REPEAL else RelationType.AMENDS
                ),
                target=record.base,
                target_provision=change["path"],
            )
            made.append(relation)
    return made


def confirm(draft: ConsolidationDraft, user=None) -> LegalVersion:
    """Publish the draft (see the module's docstring); returns the published version.

    The search index is told once, at the end (search.indexing.deferred): each relation
    saved would otherwise reindex the whole document again.
    """
    with transaction.atomic(), deferred():
        version = _confirm(draft, user)
    draft.refresh_from_db()
    return version


def _confirm(draft: ConsolidationDraft, user) -> LegalVersion:
    record = _locked(draft)
    _check_still_current(record)
    version = record.version
    previous = record.previous
    version.is_draft = False
    version.save(update_fields=["is_draft"], recompute_paths=False)
    relate(record)
    record.state = DraftState.CONFIRMED
    record.decided_by = user
    record.decided_at = timezone.now()
    record.save(update_fields=["state", "decided_by", "decided_at"])
    refresh(record.amending)  # and the documents it acts on: the base
    version_confirmed.send(sender=LegalVersion, version=version, previous=previous)
    return version


def discard(draft: ConsolidationDraft, user=None) -> None:
    """Delete the draft version; the record stays, "Đã huỷ"."""
    with transaction.atomic(), deferred():
        record = _locked(draft)
        LegalVersion.objects.filter(pk=record.version_id, is_draft=True).delete()
        record.state = DraftState.DISCARDED
        record.decided_by = user
        record.decided_at = timezone.now()
        record.save(update_fields=["state", "decided_by", "decided_at"])
    draft.refresh_from_db()
