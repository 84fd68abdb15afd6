"""Stage 6 – lưu: write one parsed file to the database, in one transaction.

Reads: a ParsedDocument (pipeline.parse_docx), the original bytes and file name.
Writes: a LegalDocument with its first LegalVersion and provisions
(services.provisions.replace_provisions), or – with `as_version_of` – a new LegalVersion
of an existing document; the original file as a Wagtail document (tệp gốc). Missing
DocumentType/IssuingBody rows are found by name, by code, or created.
Any error rolls the whole file back: nothing is stored, and the original file written
to media is deleted again (originals.removed_on_error). A unique clash with a concurrent
import of the same file (IntegrityError) becomes the ordinary "đã có" message.

`publish`: True keeps the document live at once (a user with the publish permission, the
command); False stores it as a draft with a revision, submitted to the model's workflow
when it has one, so nothing reaches the public pages or search until it is published.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from wagtail.models import WorkflowMixin

from regulations.documents.models import DocumentType, IssuingBody, LegalDocument, LegalVersion
from regulations.documents.numbering import parse_number
from regulations.documents.services.provisions import replace_provisions
from vietnamese.case import sentence_case
from vietnamese.folding import fold

from ..originals import keep_original, removed_on_error
from .errors import ImportRejected
from .pipeline import ParsedDocument


def find_document(number_symbol: str) -> LegalDocument:
    """The existing document named by --as-version-of, or ImportRejected."""
    text = (number_symbol or "").strip()
    matches = LegalDocument.objects.filter(number_symbol__iexact=text)
    if not matches.exists():
        with contextlib.suppress(ValidationError):
            text = parse_number(text).text
        matches = LegalDocument.objects.filter(number_symbol__iexact=text)
    count = matches.count()
    if count == 0:
        raise ImportRejected(f"Không có văn bản số “{number_symbol}” để thêm phiên bản.")
    if count > 1:
        raise ImportRejected(f"Có {count} văn bản cùng số “{number_symbol}”: hãy ghi rõ hơn.")
    return matches.get()


def _document_type(parsed: ParsedDocument) -> DocumentType:
    name = parsed.header.type_name or "Văn bản"
    for candidate in DocumentType.objects.all():
        if fold(candidate.name) == fold(name):
            return candidate
    code = parsed.header.number.type_code if parsed.header.number else ""
    if code:
        found = DocumentType.objects.filter(abbreviation__iexact=code).first()
        if found:
            return found
    try:
        with transaction.atomic():
            return DocumentType.objects.create(name=name, default_kind=parsed.kind)
    except IntegrityError:  # a concurrent import created it
        return DocumentType.objects.get(name=name)


def _issuing_body(parsed: ParsedDocument) -> IssuingBody | None:
    if not parsed.header.issuer_name:
        return None
    try:
        with transaction.atomic():
            return _find_or_create_body(parsed)
    except IntegrityError:  # a concurrent import created it: find it now
        return _find_or_create_body(parsed)


def _find_or_create_body(parsed: ParsedDocument) -> IssuingBody:
    name = parsed.header.issuer_name
    wanted = fold(name)
    for body in IssuingBody.objects.all():
        if fold(body.name) == wanted:
            return body
    code = parsed.header.number.issuer_code if parsed.header.number else ""
    base = code or slugify(fold(name)).upper()[:20] or "CQ"
    for candidate in (base, re.sub(r"\d+$", "", base)):
        body = IssuingBody.objects.filter(code__iexact=candidate).first()
        if body and fold(body.name).startswith(wanted[:6]):
            return body
    unique, n = base[:30], 1
    while IssuingBody.objects.filter(code=unique).exists():
        n += 1
        unique = f"{base[:26]}-{n}"
    return IssuingBody.objects.create(
        name=sentence_case(name),
        code=unique,
        place=parsed.header.place,
        parent_name=sentence_case(parsed.header.issuer_parent),
    )


def find_clash(number_text: str, year: int | None):
    """An existing document with this number and symbol (in this year), or None."""
    clash = LegalDocument.objects.filter(number_symbol__iexact=number_text)
    return (clash.filter(year=year) if year else clash).order_by("pk").first()


def clash_message(existing: LegalDocument) -> str:
    if existing.number_symbol:
        return (
            f"Số, ký hiệu “{existing.number_symbol}” đã có trong thư viện (văn bản "
            f"#{existing.pk}): để nhập thành phiên bản mới, trên trang nhập chọn “Phiên bản "
            "mới của văn bản đã có” (lệnh import_docx: --as-version-of)."
        )
    return f"Văn bản “{existing.title}” đã có (văn bản #{existing.pk})."


def _concurrent_clash(document: LegalDocument) -> str:
    """The message for a unique clash found only on save (a concurrent import won)."""
    existing = None
    if document.number_symbol:
        existing = find_clash(document.number_symbol, document.year)
    existing = existing or LegalDocument.objects.filter(slug=document.slug).first()
    if existing is not None:
        return clash_message(existing)
    return "Văn bản này vừa được nhập (trùng số, ký hiệu hoặc đường dẫn): hãy tải lại danh sách."


def _effective(parsed: ParsedDocument) -> date:
    return parsed.effective_date or parsed.header.date or date.today()


def store(parsed: ParsedDocument, data: bytes, filename: str, as_version_of=None, *,
          publish=True, user=None, effective_from=None):  # fmt: skip
    """Write one file; returns (document, version, warnings). Raises ImportRejected.

    Called inside import_file's deferred-indexing block, so the search index is updated
    once, for the finished document. `effective_from`: the date of the version added with
    `as_version_of` (default: the date read from the file).
    """
    with removed_on_error(), transaction.atomic():
        document, version, warnings = _store(
            parsed, data, filename, as_version_of, publish, effective_from
        )
        if not publish and not document.live:
            _submit_draft(document, user)
        return document, version, warnings


def _submit_draft(document: LegalDocument, user) -> None:
    """A draft revision, started on the model's workflow when it has one."""
    document.save_revision(user=user, clean=False, log_action=True)
    workflow = document.get_workflow() if isinstance(document, WorkflowMixin) else None
    if workflow is not None and user is not None:
        workflow.start(document, user)


def _store(parsed: ParsedDocument, data: bytes, filename: str, as_version_of, publish,
           effective_from=None):  # fmt: skip
    header, signature = parsed.header, parsed.signature
    warnings: list[str] = []
    if as_version_of is not None:
        document = (
            as_version_of
            if isinstance(as_version_of, LegalDocument)
            else find_document(as_version_of)
        )
        if document.live and not publish:
            raise ImportRejected(
                f"Văn bản {document.number_symbol} đã công bố: thêm phiên bản mới cần quyền "
                "công bố văn bản."
            )
        effective = effective_from or _effective(parsed)
        if LegalVersion.objects.filter(document=document, effective_from=effective).exists():
            raise ImportRejected(
                f"Văn bản {document.number_symbol} đã có phiên bản có hiệu lực từ "
                f"{effective:%d/%m/%Y}."
            )
        version = LegalVersion.objects.create(
            document=document, effective_from=effective, note=f"Nhập từ tệp {filename}"[:255]
        )
        warnings += replace_provisions(version, parsed.outline.provisions)
        return document, version, warnings

    number = header.number
    if number is not None:
        year = number.year or (header.date.year if header.date else None)
        existing = find_clash(number.text, year)
        if existing is not None:
            raise ImportRejected(clash_message(existing))
    doc_type = _document_type(parsed)
    summary = header.summary
    title = f"{doc_type.name} {sentence_case(summary)}".strip() if summary else ""
    title = title or (parsed.outline.provisions[0].text[:200] if parsed.outline.provisions else "")
    document = LegalDocument(
        kind=parsed.kind,
        document_type=doc_type,
        number_symbol=number.text if number else "",
        title=(title or filename)[:500],
        summary=summary,
        issuing_body=_issuing_body(parsed),
        signer_name=signature.signer_name[:150],
        signer_title=signature.signer_title[:150],
        issued_date=header.date,
        effective_date=parsed.effective_date
        if parsed.effective_date and (not header.date or parsed.effective_date >= header.date)
        else None,
        recipients="\n".join(signature.recipients),
        live=publish,
        has_unpublished_changes=not publish,
    )
    try:
        document.clean()
    except ValidationError as exc:
        errors = exc.message_dict
        existing = find_clash(document.number_symbol, document.year) if number else None
        if "number_symbol" in errors and existing is not None:  # a concurrent import won
            raise ImportRejected(clash_message(existing)) from exc
        if set(errors) - {"issued_date", "effective_date"}:
            raise ImportRejected("; ".join(m for ms in errors.values() for m in ms)) from exc
        warnings += [m for ms in errors.values() for m in ms]
    document.original_file = keep_original(data, filename, document.title)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        raise ImportRejected(_concurrent_clash(document)) from exc
    version = LegalVersion.objects.create(
        document=document, effective_from=_effective(parsed), note=f"Nhập từ tệp {filename}"[:255]
    )
    warnings += replace_provisions(version, parsed.outline.provisions)
    return document, version, warnings
