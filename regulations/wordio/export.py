"""Xuất Word: a LegalVersion as an official Decree 30/2020 .docx, built from blocks.py.

Header table (issuer, number, motto, place/date), type and summary, the provisions in
reading order (headings centred bold, "Điều N. Title" bold, khoản "1." and điểm "a)"
typed), then recipients and signature. The importer reads the result back to the same
metadata and provision tree (tests/wordio/test_roundtrip.py).
"""

from __future__ import annotations

from django.utils.text import slugify
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from regulations.documents.structure import WORD, ProvisionLevel

from .blocks import (
    add_body_paragraph,
    add_data_table,
    add_header_block,
    add_recipients_and_signature,
    add_title,
    new_official_document,
)
from .importer.read import TABLE_SEPARATOR
from .importer.structure import CLOSING_RE

L = ProvisionLevel
CENTRED_HEADINGS = {L.PART, L.CHAPTER, L.SECTION, L.SUBSECTION}


def _lines(text: str) -> list[str]:
    return [line for line in (text or "").split("\n") if line.strip()]


def _centred(doc, text: str, bold: bool = True) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.paragraph_format.space_before = Pt(6)
    para.add_run(text).bold = bold


def write_provision(doc, provision) -> None:
    level = L(provision.level)
    lines = _lines(provision.text)
    if level in CENTRED_HEADINGS:
        _centred(doc, f"{WORD[level]} {provision.number}")
        if provision.title:
            _centred(doc, provision.title)
    elif level == L.ARTICLE:
        head = f"Điều {provision.number}."
        head = f"{head} {provision.title}" if provision.title else head
        para = add_body_paragraph(doc, head, bold=True)
        para.paragraph_format.keep_with_next = True
    elif level == L.HEADING:
        add_body_paragraph(doc, f"{provision.number}. {provision.title}".strip(), bold=True)
    elif level == L.CLAUSE:
        first = lines.pop(0) if lines else ""
        add_body_paragraph(doc, f"{provision.number}. {first}".strip())
    elif level == L.POINT:
        first = lines.pop(0) if lines else ""
        add_body_paragraph(doc, f"{provision.number}) {first}".strip())
    elif level == L.ANNEX and provision.title:
        _centred(doc, provision.title)
    _write_lines(doc, lines)


def _write_lines(doc, lines: list[str]) -> None:
    """Body lines as paragraphs; a run of table rows ("cell | cell", as the importer
    flattens a Word table) as a table again: written as paragraphs, a rate schedule's
    "a) … | 5%" rows would read back as points."""
    table: list[list[str]] = []
    for line in [*lines, None]:
        if line is not None and TABLE_SEPARATOR in line:
            table.append(line.split(TABLE_SEPARATOR))
            continue
        if table:
            add_data_table(doc, table)
            table = []
        if line is not None:
            add_body_paragraph(doc, line)


def version_document(version):
    """The python-docx Document of one legal version."""
    document = version.document
    body = document.issuing_body
    doc = new_official_document()
    add_header_block(
        doc,
        body.parent_name if body else "",
        body.name if body else "",
        document.number_symbol,
        (body.place if body else "") or "Hà Nội",
        document.issued_date,
    )
    add_title(doc, document.document_type.name, document.summary or document.title)
    provisions = list(version.provisions.order_by("sort_order"))
    split = _annexes_start(provisions)
    provisions, after_signature = provisions[:split], provisions[split:]
    for provision in provisions:
        write_provision(doc, provision)
    titles = [t for t in (document.signer_title or "").split("\n") if t.strip()]
    prefix = titles[0] if len(titles) > 1 else None
    title = "\n".join(titles[1:]) if len(titles) > 1 else (titles[0] if titles else "")
    recipients = _lines(document.recipients)
    if titles or document.signer_name or recipients:
        add_recipients_and_signature(
            doc, recipients, title, document.signer_name, authority_prefix=prefix
        )
    for provision in after_signature:
        write_provision(doc, provision)
    return doc


def _annexes_start(provisions) -> int:
    """Index of the trailing annexes (phụ lục, and a countersignature found around the
    signature), which follow the signature block; len(provisions) when there are none.
    What sits inside an annex (its headings, points) goes with it."""
    start, annex_paths = None, []
    for index, provision in enumerate(provisions):
        if provision.level == L.ANNEX and (provision.title or _is_signature_leftover(provision)):
            if start is None:
                start, annex_paths = index, []
            annex_paths.append(provision.path)
        elif start is not None and not any(provision.path.startswith(f"{a}/") for a in annex_paths):
            start = None  # body text (a law's closing sentence) follows: keep the order
    return len(provisions) if start is None or start == 0 else start


def _is_signature_leftover(provision) -> bool:
    """The importer keeps text found around the signature (a countersignature) as a last,
    untitled annex part; it is written back after the signature block."""
    return (
        provision.level == L.ANNEX
        and not provision.title
        and not CLOSING_RE.match(" ".join(provision.text.split()))
    )


def version_filename(version) -> str:
    document = version.document
    base = document.number_symbol or document.title[:60] or "van-ban"
    base = slugify(base.replace("/", "-").replace("Đ", "D").replace("đ", "d")) or "van-ban"
    return f"{base}-{version.effective_from:%Y%m%d}.docx"
