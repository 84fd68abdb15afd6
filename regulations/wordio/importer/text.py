"""Small text helpers shared by the importer stages (no python-docx, no database)."""

from __future__ import annotations

import re
from datetime import date

RULE_RE = re.compile(r"^[\s\-_=*~.…–—·•]+$")
DATE_RE = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng|[/.\-])\s*(\d{1,2})\s*(?:năm|[/.\-])\s*(\d{4})", re.IGNORECASE
)
SIGNED_MARK_RE = re.compile(
    r"\(?\s*(?:đã\s+ký|ký\s+tên[^)]*|ký,\s*ghi\s+rõ[^)]*|ký,\s*đóng\s+dấu[^)]*)\s*\)?\s*:?",
    re.IGNORECASE,
)
UPPER_LETTERS = re.compile(r"[A-Za-zÀ-ỹĐđ]")


def plain(text: str) -> str:
    return " ".join((text or "").split())


def is_rule(text: str) -> bool:
    """A decoration line made of dashes or underscores (the rules under headings)."""
    return bool(RULE_RE.match(text or ""))


def is_upper(text: str) -> bool:
    letters = UPPER_LETTERS.findall(text)
    return bool(letters) and all(c == c.upper() for c in letters)


def parse_date(text: str) -> date | None:
    """The first "ngày 31 tháng 3 năm 2017" in text, or None when absent or impossible."""
    for m in DATE_RE.finditer(text or ""):
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
    return None


def looks_like_name(text: str) -> bool:
    """ "Nguyễn Sinh Hùng": 2-6 capitalised words, no digits, no final period."""
    words = plain(text).split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)


def strip_signed(text: str) -> str:
    return plain(SIGNED_MARK_RE.sub(" ", text or ""))


_ORDINALS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip


def ordinal_value(word: str) -> int | None:
    """ "nhất" → 1 … "mười" → 10 (Phần thứ nhất…), or None."""
    return _ORDINALS.get(word.lower())
