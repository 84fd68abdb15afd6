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


_TOKEN_RE = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Words of a text, folded: the unit both embedded engines index."""
    return _TOKEN_RE.findall(fold(text))


def raw_tokens(text: str) -> list[str]:
    """Words of a text, lower-cased but keeping their diacritics."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFC", text or "").lower())


def has_diacritics(word: str) -> bool:
    return fold(word) != (word or "").lower()


def _fold_table() -> dict[int, str]:
    """Single-character folds for the Latin, Latin Extended and Vietnamese ranges."""
    table = {}
    for cp in range(0x2000):
        ch = chr(cp)
        folded = fold(ch)
        if len(folded) == 1 and folded != ch:
            table[cp] = folded
    return table


_FOLD_TABLE = _fold_table()


def fold_aligned(text: str) -> tuple[str, str]:
    """(text in NFC, its folding) with one folded character per original character.

    Snippets find the query's folded words in the folded text and mark the same
    positions in the original, so "ky cuong" highlights "kỷ cương". (str.translate
    with a precomputed table: C speed on long provisions.)
    """
    text = unicodedata.normalize("NFC", text or "")
    return text, text.translate(_FOLD_TABLE)
