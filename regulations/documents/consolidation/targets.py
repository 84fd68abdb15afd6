"""Đối tượng sửa đổi: target phrases → provision paths.

Vietnamese cites the smallest unit first ("điểm a khoản 2 Điều 5"), lists siblings with
commas and "và" ("các khoản 4, 7 và 8 Điều 5") and lets one container serve every
unit before it ("khoản 1; bổ sung khoản 7 và khoản 8 Điều 2"). A phrase is read as a
stream of (level, number) tokens; each token attaches to the open units of lower rank
before it, or starts a new unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vietnamese.enumerations import POINT_LETTERS, ROMAN_NUMERAL, points_between

from ..structure import RANK, ROOTED_LEVELS, ProvisionLevel, segment

L = ProvisionLevel
_NUMBER = {
    L.PART: rf"(?:thứ\s+\w+|{ROMAN_NUMERAL}|\d+)",
    L.CHAPTER: rf"(?:{ROMAN_NUMERAL}[a-z]?|\d+[a-z]?)",
    L.SECTION: r"(?:\d+[a-z]?|[IVXLC]+)",
    L.ARTICLE: r"\d{1,4}[a-zđ]?\d*",
    L.CLAUSE: r"\d{1,3}[a-zđ]?\d*",
    L.POINT: r"[a-zđ]\d{0,2}(?![\wđ])",
}
_WORDS = {
    L.PART: r"phần",
    L.CHAPTER: r"chương",
    L.SECTION: r"mục",
    L.ARTICLE: r"điều",
    L.CLAUSE: r"khoản",
    L.POINT: r"điểm",
}
_JOIN = r"(?:\s*,\s*(?:và\s+)?|\s+và\s+|\s+hoặc\s+)"
_RANGE = r"\s+(?:đến|tới)\s+"
TOKEN_RE = re.compile(
    "|".join(
        rf"(?P<{level.value}>\b(?:các\s+)?{word}\s+(?:từ\s+)?{num}(?:(?:{_JOIN}|{_RANGE})"
        rf"(?:{word}\s+)?{num})*)"
        for level, word in _WORDS.items()
        for num in [_NUMBER[level]]
    ),
    re.IGNORECASE,
)
OTHER_LAW_RE = re.compile(
    r"^\s*(?:của\s+)?((?:Bộ\s+luật|Luật|Pháp\s+lệnh)\b(?!\s+này)[^;:]*?)(?=\s+(?:đã|như|được)\b|[;:.]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Token:
    """One cited unit as written: level and number, with its role in the phrase."""

    level: str
    number: str
    role: str = "target"  # target | anchor (vào sau …) | container (vào …)
    law: str = ""  # the law cited right after ("của Luật … số …"), "" = the one amended


@dataclass
class Ref:
    """A resolved unit: the chain from its own level up to the biggest cited."""

    chain: list[Token] = field(default_factory=list)

    @property
    def top(self) -> Token:
        return self.chain[-1]

    @property
    def role(self) -> str:
        return self.chain[0].role

    @property
    def law(self) -> str:
        return next((t.law for t in self.chain if t.law), "")

    @property
    def path(self) -> str:
        return path_of([(t.level, t.number) for t in reversed(self.chain)])


def path_of(units: list[tuple[str, str]]) -> str:
    """[("dieu", "5"), ("khoan", "2")] → "dieu-5/khoan-2" (an article starts the path)."""
    parts: list[str] = []
    for level, number in units:
        if level in ROOTED_LEVELS:
            parts = []
        parts.append(segment(level, number))
    return "/".join(parts)


def parent_path(path: str) -> str:
    return path.rpartition("/")[0]


def _numbers(level: str, text: str) -> list[str]:
    """ "các khoản 4, 7 và 8" → ["4", "7", "8"]; "điểm a đến điểm d" → a, b, c, d."""
    body = re.sub(rf"^(?:các\s+)?{_WORDS[level]}\s+(?:từ\s+)?", "", text, flags=re.I)
    pieces = re.split(rf"({_JOIN}|{_RANGE})", body, flags=re.I)
    numbers: list[str] = []
    pending_range = False
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if piece.lower() in ("đến", "tới"):
            pending_range = True
            continue
        if re.fullmatch(r"(?:,\s*)?(?:và|hoặc)?\s*,?", piece, re.I):
            continue
        number = re.sub(rf"^{_WORDS[level]}\s+", "", piece, flags=re.I).strip()
        number = number if level in (L.PART, L.CHAPTER) else number.lower()
        if pending_range and numbers:
            numbers.extend(_expand(level, numbers[-1], number))
        else:
            numbers.append(number)
        pending_range = False
    return numbers


def _expand(level: str, first: str, last: str) -> list[str]:
    """The numbers after `first` up to `last` ("1" … "5", "a" … "d")."""
    if first.isdigit() and last.isdigit():
        return [str(n) for n in range(int(first) + 1, int(last) + 1)]
    if level == L.POINT and first in POINT_LETTERS and last in POINT_LETTERS:
        return points_between(first, last)
    return [last]


def tokens(text: str, role: str = "target") -> list[Token]:
    """The cited units of a phrase, in order of writing."""
    found: list[Token] = []
    for match in TOKEN_RE.finditer(text):
        level = match.lastgroup
        after = text[match.end() :]
        law = OTHER_LAW_RE.match(after)
        for number in _numbers(level, match.group(0)):
            found.append(Token(level, number, role, law.group(1) if law else ""))
    return found


def resolve(stream: list[Token], context: list[tuple[str, str]] = ()) -> list[Ref]:
    """Attach each token to the open units of lower rank before it.

    `context`: the units an enclosing instruction names ("một số khoản của Điều 5"), for
    refs that end without an article.
    """
    refs: list[Ref] = []
    for token in stream:
        rank = RANK[L(token.level)]
        open_refs = [r for r in refs if RANK[L(r.top.level)] > rank]
        if open_refs:
            for ref in open_refs:
                ref.chain.append(token)
        else:
            refs.append(Ref([token]))
    for ref in refs:
        for level, number in reversed(list(context)):
            if RANK[L(ref.top.level)] > RANK[L(level)]:
                ref.chain.append(Token(level, number, ref.top.role))
    return refs
