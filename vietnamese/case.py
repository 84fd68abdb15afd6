"""Chữ hoa, chữ thường: upper-case lines and sentence case in Vietnamese text."""

import re

_LETTER_RE = re.compile(r"[A-Za-zÀ-ỹĐđ]")


def is_upper(text: str) -> bool:
    """Whether every letter is a capital ("QUYẾT ĐỊNH: 2017" yes, "Quyết định" no);
    False for a text without letters."""
    letters = _LETTER_RE.findall(text or "")
    return bool(letters) and all(c == c.upper() for c in letters)


def upper_first(text: str) -> str:
    """The first letter as a capital, the rest untouched: a citation opening a line
    ("khoản 2 Điều 5 Luật …" → "Khoản 2 Điều 5 Luật …")."""
    return text[:1].upper() + text[1:] if text else ""


def sentence_case(text: str) -> str:
    """ "BAN HÀNH VĂN BẢN" → "Ban hành văn bản" (upper-case headings only: a line with
    any small letter keeps its own capitals, names included). Spaces are collapsed."""
    text = " ".join((text or "").split())
    if not is_upper(text):
        return text
    return upper_first(text.lower())
