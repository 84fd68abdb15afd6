"""Hợp nhất trong thư viện: the database side of consolidation.

Finds the amending document and the document it amends among the library's documents,
reads the amending text's instructions, applies them to the base version in force on
the amending document's effective date, and (unless it is a dry run) saves the result
as a draft legal version through the amend service. Nothing is published: the draft
waits for the officer's confirmation.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from vietnamese.folding import fold

from ..legal_force import check_can_amend
from ..models import LegalDocument, LegalVersion
from ..numbering import parse_number
from ..services.amend import amend
from ..services.versions import current_version, version_on, versions_of
from .apply import Consolidation, consolidate
from .reader import Instruction, LawRef, Reading, read, same_number


class ConsolidationError(Exception):
    """A consolidation that cannot start (unknown number, no text, no base)."""


@dataclass
class Result:
    amending: LegalDocument
    base: LegalDocument
    effective: date
    instructions: list[Instruction]
    consolidation: Consolidation
    version: LegalVersion | None = None  # the draft, when not a dry run


def find_document(number: str) -> LegalDocument:
    """The library document with this number ("46/2014/QH13"), or ConsolidationError."""
    text = (number or "").strip()
    found = list(LegalDocument.objects.filter(number_symbol__iexact=text))
    if not found:
        with contextlib.suppress(ValidationError):
            text = parse_number(text).text
        found = list(LegalDocument.objects.filter(number_symbol__iexact=text))
    if not found:
        raise ConsolidationError(f"Không có văn bản số “{number}” trong thư viện.")
    if len(found) > 1:
        raise ConsolidationError(f"Có {len(found)} văn bản cùng số “{number}”.")
    return found[0]


def document_for(law: LawRef) -> LegalDocument | None:
    """The library document a law reference names: by number, else by name and date."""
    if law.number:
        head = "/".join(law.number.split("/")[:2])
        for doc in LegalDocument.objects.filter(number_symbol__istartswith=f"{head}/"):
            if same_number(doc.number_symbol, law.number):
                return doc
        return None
    if not law.name:
        return None
    named = [d for d in LegalDocument.objects.all() if fold(d.title) == fold(law.name)]
    if law.date:
        named = [d for d in named if d.issued_date and d.issued_date.isoformat() == law.date]
    return named[0] if len(named) == 1 else None


def reading_of(amending: LegalDocument) -> Reading:
    version = current_version(amending)
    if version is None:
        raise ConsolidationError(f"Văn bản {amending.number_symbol} chưa có nội dung để đọc.")
    return read(version.provisions.order_by("sort_order"))


def find_base(amending: LegalDocument, reading: Reading, base_number: str = "") -> LegalDocument:
    """The amended document: the one named by --base, or the only one the text names."""
    if base_number:
        base = find_document(base_number)
        if base.pk == amending.pk:
            raise ConsolidationError("Văn bản không thể tự sửa đổi chính nó.")
        if not reading.for_base(base.number_symbol, base.title):
            raise ConsolidationError(
                f"Văn bản {amending.number_symbol} không có chỉ dẫn sửa đổi văn bản "
                f"{base.number_symbol}."
            )
        return base
    found = {}
    for group in reading.groups:
        doc = document_for(group.law)
        if doc is not None and doc.pk != amending.pk:
            found[doc.pk] = doc
    if not found:
        named = ", ".join(g.law.number or g.law.name for g in reading.groups) or "—"
        raise ConsolidationError(
            f"Không tìm thấy trong thư viện văn bản được sửa đổi ({named}); hãy nhập văn bản "
            "đó hoặc chọn --base."
        )
    if len(found) > 1:
        names = ", ".join(d.number_symbol for d in found.values())
        raise ConsolidationError(
            f"Văn bản {amending.number_symbol} sửa đổi nhiều văn bản trong thư viện ({names}): "
            "hãy chọn một bằng --base."
        )
    return next(iter(found.values()))


def run(amending_number: str, base_number: str = "", dry_run: bool = True) -> Result:
    """Consolidate; with dry_run=False also save the draft version (not published)."""
    amending = find_document(amending_number)
    reading = reading_of(amending)
    base = find_base(amending, reading, base_number)
    try:
        check_can_amend(base, amending)
    except ValidationError as exc:
        raise ConsolidationError("; ".join(exc.messages)) from exc
    effective = amending.effective_date or amending.issued_date
    if effective is None:
        raise ConsolidationError(f"Văn bản {amending.number_symbol} chưa có ngày có hiệu lực.")
    instructions = reading.for_base(base.number_symbol, base.title)
    version = version_on(base, effective) or versions_of(base).last()
    if version is None:
        raise ConsolidationError(f"Văn bản {base.number_symbol} chưa có nội dung để hợp nhất.")
    result = consolidate(version.provisions.order_by("sort_order"), instructions, amending.pk)
    draft = None
    if not dry_run:
        try:
            draft = amend(base, amending, effective, result.changes, draft=True, failures=[])
        except ValidationError as exc:
            raise ConsolidationError("; ".join(exc.messages)) from exc
    return Result(amending, base, effective, instructions, result, draft)


def as_json(result: Result) -> dict:
    """The command's --json object."""
    return {
        "amending": result.amending.number_symbol,
        "base": result.base.number_symbol,
        "effective": result.effective.isoformat(),
        "draft_version": result.version.pk if result.version else None,
        "instructions": [
            {
                "source": o.instruction.source,
                "text": o.instruction.text,
                "action": o.instruction.action or None,
                "targets": o.targets,
                "status": o.status,
                "reason": o.reason or None,
            }
            for o in result.consolidation.outcomes
        ],
        "provisions": [{"path": r.path, "text": r.text} for r in result.consolidation.rows],
    }
