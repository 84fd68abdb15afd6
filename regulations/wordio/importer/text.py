"""Small text helpers shared by the importer stages (no python-docx, no database).

The Vietnamese rules they build on (folding, case, dates, ordinals) are in `vietnamese`.
"""

from __future__ import annotations

import re

RULE_RE = re.compile(r"^[\s\-_=*~.…–—·•]+$")
SIGNED_MARK_RE = re.compile(
    r"\(?\s*(?:đã\s+ký|ký\s+tên[^)]*|ký,\s*ghi\s+rõ[^)]*|ký,\s*đóng\s+dấu[^)]*)\s*\)?\s*:?",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    return " ".join((text or "").split())


def is_rule(text: str) -> bool:
    """A decoration line made of dashes or underscores (the rules under headings)."""
    return bool(RULE_RE.match(text or ""))


def looks_like_name(text: str) -> bool:
    """ "Nguyễn Sinh Hùng": 2-6 capitalised words, no digits, no final period."""
    words = plain(text).split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)


def strip_signed(text: str) -> str:
    return plain(SIGNED_MARK_RE.sub(" ", text or ""))
