"""Thứ tự: how Vietnamese legal texts count their parts.

Điểm (points) are lettered in the Vietnamese alphabet, a, b, c, d, đ, e, g… (no f, j,
w, z); phần, chương and mục use roman numerals or ordinal words ("Phần thứ nhất").
docs/domain.md ("Structure of a legal text") gives the levels.
"""

# The letters of điểm, in order: the Vietnamese alphabet without f, j, w, z.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
# A roman numeral as headings write it ("Chương IV", "Phần II"), for patterns.
ROMAN_NUMERAL = r"[IVXLCDM]+"

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip

_ORDINALS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip


def roman(value: int) -> str:
    """4 → "iv", 1994 → "mcmxciv" (lower case, as Word's lowerRoman; .upper() for
    headings); "" for 0."""
    out = []
    for arabic, letters in _ROMAN:
        while value >= arabic:
            out.append(letters)
            value -= arabic
    return "".join(out)


def ordinal_value(word: str) -> int | None:
    """ "nhất" → 1 … "mười" → 10 (Phần thứ nhất, Phần thứ tư…), or None."""
    return _ORDINALS.get(word.lower())


def point_rank(letter: str) -> int:
    """The place of a điểm letter in the Vietnamese order (d < đ < e); -1 for none,
    a letter outside the alphabet after every valid one."""
    if not letter:
        return -1
    return POINT_LETTERS.index(letter) if letter in POINT_LETTERS else ord(letter)


def points_between(first: str, last: str) -> list[str]:
    """The điểm letters after `first` up to `last` ("điểm b đến điểm đ" → c, d, đ), or []
    when either is not a điểm letter."""
    if first not in POINT_LETTERS or last not in POINT_LETTERS:
        return []
    i, j = POINT_LETTERS.index(first), POINT_LETTERS.index(last)
    return list(POINT_LETTERS[i + 1 : j + 1])
