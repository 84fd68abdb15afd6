"""The import pipeline without the database: bytes → ParsedDocument.

safety.check_docx → read.read_blocks → header.extract_header → signature.extract_signature
→ structure.parse_structure, then the dates the body states (closing sentence, effective
date). store.py writes a ParsedDocument; the dry run stops here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from regulations.documents.models import DocumentKind
from regulations.documents.services.provisions import ProvisionData
from regulations.documents.structure import ProvisionLevel
from vietnamese.dates import DATE_IN_WORDS, find_written_date
from vietnamese.folding import fold

from .header import Header, extract_header, finish_number
from .read import read_blocks
from .safety import check_docx
from .signature import Signature, extract_signature
from .structure import Outline, parse_structure
from .text import is_rule

PASSED_RE = re.compile(rf"thông\s+qua\s+({DATE_IN_WORDS})", re.I)
EFFECTIVE_RE = re.compile(
    rf"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+({DATE_IN_WORDS})", re.IGNORECASE
)
NORMATIVE_TYPES = {
    "hien phap", "bo luat", "luat", "phap lenh", "nghi dinh", "thong tu", "thong tu lien tich",
    "nghi quyet lien tich", "sac lenh", "sac luat", "lenh",
}  # fmt: skip
PLAN_TYPES = {"ke hoach", "chuong trinh"}
RULE_TYPES = {"quy che", "quy dinh"}


@dataclass
class ParsedDocument:
    """Everything read from one file, ready to store or to report."""

    header: Header
    signature: Signature
    outline: Outline
    kind: str
    effective_date: date | None = None
    blocks_in: int = 0
    text_in: list = field(default_factory=list)  # every body text block, for the no-loss check
    warnings: list = field(default_factory=list)

    @property
    def issued_date(self) -> date | None:
        return self.header.date


def guess_kind(type_name: str, number) -> str:
    folded = fold(type_name)
    if folded in NORMATIVE_TYPES:
        return DocumentKind.NORMATIVE
    if folded in PLAN_TYPES:
        return DocumentKind.PLAN
    if folded in RULE_TYPES:
        return DocumentKind.INTERNAL_RULE
    if number is not None and number.year and folded in {"quyet dinh", "nghi quyet", "chi thi"}:
        return DocumentKind.NORMATIVE
    return DocumentKind.ADMINISTRATIVE


def parse_docx(data: bytes, kind: str | None = None, type_names=(), type_codes=()):
    """Check and parse a .docx; raises ImportRejected for a refused file."""
    check_docx(data)
    blocks = [b for b in read_blocks(data) if not is_rule(b.plain)]
    header = extract_header(blocks, type_names, type_codes)
    signature = extract_signature(blocks, header.body_start)
    end = signature.start if signature.start is not None else len(blocks)
    body = blocks[header.body_start : end]
    if signature.start is not None and signature.end is not None:
        body = body + blocks[signature.end :]  # a trailing annex after the signature
    outline = parse_structure(body, header.preamble_lines)
    if signature.leftover:
        outline.provisions.append(
            ProvisionData(level=ProvisionLevel.ANNEX, text="\n".join(signature.leftover))
        )
    finish_number(header, type_codes)
    warnings = list(header.warnings)
    tail = " ".join(b.text for b in body[-40:])
    if header.date is None and (m := PASSED_RE.search(tail)):
        header.date = find_written_date(m[1])
    if header.date is None and re.search(r"\bngày\s+\d", header.summary, re.IGNORECASE):
        header.date = find_written_date(header.summary)  # "LUẬT SỐ 102-SL/L-004 NGÀY 20-5-1957 …"
    if not header.issuer_name and re.search(r"được\s+Quốc\s+hội.{0,120}thông\s+qua", tail):
        header.issuer_name = "QUỐC HỘI"  # stated by the closing sentence of a law
    if header.date is None:
        warnings.append("Không tìm thấy ngày ban hành (dòng địa danh, ngày tháng).")
    effective = None
    for text in ([b.text for b in body] + signature.leftover)[-80:]:
        if m := EFFECTIVE_RE.search(text):
            effective = find_written_date(m[1])
            break
    if not signature.signer_name:
        warnings.append("Không nhận ra khối chữ ký (chức vụ, họ tên người ký).")
    warnings.extend(outline.warnings)
    return ParsedDocument(
        header=header,
        signature=signature,
        outline=outline,
        kind=kind or guess_kind(header.type_name, header.number),
        effective_date=effective,
        blocks_in=len(blocks),
        text_in=list(header.preamble_lines) + [b.text for b in body] + signature.leftover,
        warnings=warnings,
    )
