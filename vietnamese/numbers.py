"""Số: numbers as Vietnamese writes them, and document numbers in running text."""

import re
from decimal import Decimal

# Số, ký hiệu văn bản as a text cites it: "30/2020/NĐ-CP", "572/KH-STTTT", "80/2015/QH13"
# (Decree 30/2020; documents/numbering.py parses and validates one).
_DOCUMENT_NUMBER_RE = re.compile(
    r"\b\d{1,6}[a-z]?(?:/\d{4})?/[0-9A-Za-zÀ-ỹĐđ\.]+(?:-[0-9A-Za-zÀ-ỹĐđ\.]+)*",
)


def vietnamese_number(value, decimals: int = 0) -> str:
    """1234567.5 → "1.234.567,5": dots for thousands, comma for decimals."""
    if value is None:
        return ""
    number = Decimal(str(value))
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def find_document_numbers(text: str) -> list[str]:
    """Document numbers mentioned in a text, kept whole ("30/2020/NĐ-CP")."""
    return [m.group(0).rstrip(".") for m in _DOCUMENT_NUMBER_RE.finditer(text or "")]
