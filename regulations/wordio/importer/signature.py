"""Stage 5 – phần cuối: recipients (Nơi nhận) and the signature block (chức vụ, người ký).

Reads: the blocks after the body (from read.py), searched from the end.
Writes: a Signature (signer title lines, signer name, recipients) and the index where the
closing region starts; blocks of that region that are neither recipients nor signature
(a countersignature, a note) are returned as leftover text so nothing is lost.

Shapes handled: the borderless two-column table (Nơi nhận left, signature right); the
same as plain paragraphs ("Nơi nhận:", "- …" lines, then "CHỦ TỊCH QUỐC HỘI" and the
name); markers such as "(Đã ký)" or "Đã ký:" are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vietnamese.case import is_upper
from vietnamese.folding import fold

from .text import is_rule, looks_like_name, plain, strip_signed

ANNEX_HEAD_RE = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục)\b")
AUTHORITY_PREFIXES = ("tm.", "kt.", "q.", "tl.", "tuq.", "tm ", "kt ")
TITLE_WORDS = (
    "chu tich", "bo truong", "thu truong", "giam doc", "tong", "truong", "thu tuong",
    "pho", "tm.", "kt.", "tl.", "tuq.", "q.",
)  # fmt: skip


@dataclass
class Signature:
    signer_title: str = ""  # title lines joined by "\n" ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
    signer_name: str = ""
    recipients: list = field(default_factory=list)
    start: int | None = None  # index of the first block of the closing region
    end: int | None = None  # index after it (a trailing annex follows)
    leftover: list = field(default_factory=list)


def _signature_lines(lines) -> tuple[list[str], str, list[str]]:
    """Split a signature cell into (title lines, name, other lines)."""
    cleaned = [strip_signed(x) for line in lines for x in line.split("\n")]
    cleaned = [x for x in cleaned if x and not is_rule(x)]
    if not cleaned:
        return [], "", []
    name = ""
    if looks_like_name(cleaned[-1]):
        name = cleaned.pop()
    titles, other = [], []
    for line in cleaned:
        (titles if is_upper(line) else other).append(line)
    return titles, name, other


def _is_signature_cell(text: str, last: bool = False) -> bool:
    lines = [strip_signed(x) for x in text.split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return False
    folded = fold(" ".join(lines))
    return looks_like_name(lines[-1]) and (last or any(word in folded for word in TITLE_WORDS))


def _recipients(lines) -> list[str]:
    out = []
    for line in lines:
        line = plain(line)
        if not line or fold(line).startswith("noi nhan"):
            continue
        out.append(line.lstrip("-–• ").strip())
    return out


def extract_signature(blocks, body_start: int) -> Signature:
    """Find the closing region among the last blocks (before a trailing annex, if any)."""
    n = len(blocks)
    # Annex headings, earliest first: the signature sits right before the first annex.
    for j in range(max(body_start, n - 400), n):
        block = blocks[j]
        if (
            block.kind == "p"
            and ANNEX_HEAD_RE.match(block.plain)
            and (block.centered or is_upper(block.plain))
        ):
            sig = _extract(blocks, body_start, j)
            if sig.start is not None:
                sig.end = j
                return sig
    sig = _extract(blocks, body_start, n)
    sig.end = n
    return sig


def _extract(blocks, body_start: int, n: int) -> Signature:
    sig = Signature()
    lo = max(body_start, n - 12)
    # 1. A table with "Nơi nhận" or a signature cell.
    for j in range(n - 1, lo - 1, -1):
        block = blocks[j]
        if block.kind != "table":
            continue
        cells = [c for row in block.rows for c in row]
        has_recipients = any(fold(c).lstrip().startswith("noi nhan") for c in cells)
        signing = [c for c in cells if _is_signature_cell(c, j >= n - 2)]
        if not (has_recipients or signing):
            continue
        if not signing:  # a title without a name yet (a draft): the non-recipient cell
            signing = [
                c for c in cells if c.strip() and not fold(c).lstrip().startswith("noi nhan")
            ]
        sig.start = j
        for row in block.rows:
            for cell in row:
                if fold(cell).lstrip().startswith("noi nhan"):
                    sig.recipients.extend(_recipients(cell.split("\n")))
        if signing:
            titles, name, other = _signature_lines(signing[-1].split("\n"))
            sig.signer_title, sig.signer_name = "\n".join(titles), name
            for cell in signing[:-1]:
                sig.leftover.append(plain(cell.replace("\n", " ")))
            if other:
                sig.leftover.append(" ".join(other))
        _paragraph_signature(blocks, j + 1, n, sig)
        for k in range(j + 1, n):
            if blocks[k].kind == "table":
                sig.leftover.append(blocks[k].text)
        return sig
    # 2. Plain paragraphs: [Nơi nhận: - …] TITLE… [(Đã ký)] Name.
    k = n - 1
    while k >= lo and k >= n - 6 and _short_closing(blocks[k]):
        k -= 1
    if k < n - 1:
        lines = [b.text for b in blocks[k + 1 : n]]
        titles, name, _other = _signature_lines(lines)
        if name:
            sig.start = k + 1
            _paragraph_signature(blocks, k + 1, n, sig)
    # Nơi nhận as paragraphs above the signature.
    for k in range(n - 1, lo - 1, -1):
        if blocks[k].kind == "p" and fold(blocks[k].plain).startswith("noi nhan"):
            end = sig.start if sig.start is not None and sig.start > k else n
            sig.recipients = _recipients([b.text for b in blocks[k:end]]) + sig.recipients
            sig.start = k
            if sig.signer_name == "":
                _paragraph_signature(blocks, end, n, sig)
            break
    return sig


def _short_closing(block) -> bool:
    """A short paragraph that may belong to a signature block (title, mark, name)."""
    text = block.plain
    if block.kind != "p" or len(text) > 80 or fold(text).startswith(("dieu ", "chuong ")):
        return False
    return not text.endswith((";", ",")) and not (text.endswith(".") and not is_upper(text))


def _paragraph_signature(blocks, start, end, sig: Signature) -> None:
    lines = [b.text for b in blocks[start:end] if b.kind != "table"]
    if not lines:
        return
    titles, name, other = _signature_lines(lines)
    if name and not sig.signer_name:
        sig.signer_title, sig.signer_name = "\n".join(titles), name
        if other:
            sig.leftover.append(" ".join(other))
    else:
        sig.leftover.extend(lines)
