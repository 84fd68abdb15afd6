"""Vietnamese text folding, shared by both search engines and by matching code.

No Django imports: the benchmark and the importer use it on their own.
"""

import re
import unicodedata

_NUMBER_RE = re.compile(
    r"\b\d{1,6}[a-z]?(?:/\d{4})?/[0-9A-Za-zÀ-ỹĐđ\.]+(?:-[0-9A-Za-zÀ-ỹĐđ\.]+)*",
)


def fold(text: str) -> str:
    """Lower-case and drop every diacritic, đ→d included.

    NFD splits "ế" into e + circumflex + acute, so letters with two marks fold
    fully; đ has no decomposition and is mapped explicitly.
    """
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def find_document_numbers(text: str) -> list[str]:
    """Document numbers mentioned in a text, kept whole ("30/2020/NĐ-CP")."""
    return [m.group(0).rstrip(".") for m in _NUMBER_RE.finditer(text or "")]
