"""Nội dung trích dẫn: the quoted new text of an instruction, as units.

The importer keeps an instruction and its quotation in one provision: the instruction
line, then the quoted paragraphs (“1. …”, “Điều 7a. …”). Here the quotation is cut
from the instruction and read back into units shaped as the library stores them: a
level, a number, a title (articles), the unit's own text (paragraphs joined by "\\n")
and its sub-units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..structure import RANK, ProvisionLevel

L = ProvisionLevel
OPEN = '“"«‘'
CLOSE = '”"»’'
ARTICLE_RE = re.compile(r"^Điều\s+(\d{1,4}[a-zđ]?\d*)(?:\s*[.:]\s*(.*)|\s*)$")
CLAUSE_RE = re.compile(r"^(\d{1,3}[a-zđ]?\d*)\s*\.(?!\d)\s*(.*)$")
POINT_RE = re.compile(r"^([a-zđ]\d{0,2})\s*\)\s*(.*)$")
CHAPTER_RE = re.compile(r"^Chương\s+([IVXLCDM]+[a-z]?|\d+)\s*[.:\-–]?\s*(.*)$", re.I)
SECTION_RE = re.compile(r"^Mục\s+(\d+[a-z]?)\s*[.:\-–]?\s*(.*)$", re.I)
INTRO_RE = re.compile(r"(?:như\s+sau|sau\s+đây)\s*:?\s*$|:\s*$", re.I)


@dataclass
class Unit:
    """One quoted unit (đơn vị trích dẫn), with its sub-units in reading order."""

    level: str
    number: str
    title: str = ""
    text: str = ""
    children: list[Unit] = field(default_factory=list)

    def rows(self) -> list[Unit]:
        """This unit then every sub-unit, flat, in reading order."""
        out = [self]
        for child in self.children:
            out += child.rows()
        return out


@dataclass
class Split:
    """An instruction provision cut in two: the instruction and its quotation."""

    instruction: str
    quoted: list[str]  # the quoted paragraphs, quotation marks removed
    opens: list[bool] = field(default_factory=list)  # paragraph opened a quotation


def split_instruction(text: str) -> Split:
    """The instruction (first paragraphs, up to "như sau:") and the quoted paragraphs."""
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    head: list[str] = []
    rest: list[str] = []
    for i, line in enumerate(lines):
        if line[0] in OPEN or (head and INTRO_RE.search(head[-1])):
            rest = lines[i:]
            break
        head.append(line)
        inline = _inline_quote(line)
        if inline is not None:
            head[-1], first = inline
            rest = [first, *lines[i + 1 :]]
            break
    kept = [line for line in rest if unquote(line)]
    return Split(" ".join(head), [unquote(x) for x in kept], [x[0] in OPEN for x in kept])


def _inline_quote(line: str) -> tuple[str, str] | None:
    """ "Điều 10 được sửa đổi như sau: “Điều 10. …”" on one line → (instruction, quote)."""
    match = re.search(r"(như\s+sau\s*:)\s*[“\"]", line, re.I)
    if not match:
        return None
    return line[: match.end(1)], line[match.end(1) :].strip()


def unquote(line: str) -> str:
    """Strip the opening and closing quotation marks (and the ”. or ”; after them)."""
    line = line.strip()
    if line and line[0] in OPEN:
        line = line[1:]
    line = re.sub(r"[”\"»’]\s*[.;,]?\s*$", "", line) if _closes(line) else line
    return line.strip()


def _closes(line: str) -> bool:
    """Whether the line's last quotation mark closes the quotation (not an inner one)."""
    stripped = re.sub(r"[.;,\s]+$", "", line)
    if not stripped or stripped[-1] not in CLOSE:
        return False
    return line.count("“") < line.count("”") or stripped[-1] in '"»’'


def classify(line: str, inside: str | None) -> tuple[str, str, str] | None:
    """(level, number, rest) when the paragraph opens a unit, else None."""
    for level, pattern in (
        (L.CHAPTER, CHAPTER_RE),
        (L.SECTION, SECTION_RE),
        (L.ARTICLE, ARTICLE_RE),
        (L.CLAUSE, CLAUSE_RE),
        (L.POINT, POINT_RE),
    ):
        match = pattern.match(line)
        if match:
            if level == L.SECTION and inside in (L.ARTICLE, L.CLAUSE, L.POINT):
                continue
            number = match.group(1)
            number = number.upper() if level == L.CHAPTER else number.lower()
            return level, number, (match.group(2) or "").strip()
    return None


def parse_units(paragraphs: list[str]) -> list[Unit]:
    """The top units of a quotation; paragraphs before the first unit form a text-only
    unit of level "" (e.g. a replaced introductory sentence)."""
    top: list[Unit] = []
    stack: list[Unit] = []
    for line in paragraphs:
        found = classify(line, stack[-1].level if stack else None)
        if found is None:
            if not stack:
                top.append(Unit("", "", text=line))
                stack.append(top[-1])
            else:
                unit = stack[-1]
                unit.text = f"{unit.text}\n{line}" if unit.text else line
            continue
        level, number, rest = found
        unit = _unit(level, number, rest)
        rank = RANK[L(level)]
        while stack and stack[-1].level and RANK[L(stack[-1].level)] >= rank:
            stack.pop()
        while stack and not stack[-1].level:
            stack.pop()
        (stack[-1].children if stack else top).append(unit)
        stack.append(unit)
    return top


def units_for(split: Split, expected: list[tuple[str, str]]) -> list[Unit] | None:
    """One unit per expected (level, number); see _units_at. Cuts at paragraphs that open
    a quotation (“) first, then anywhere."""
    return _units_at(split.quoted, expected, split.opens) or _units_at(split.quoted, expected)


def _units_at(paragraphs: list[str], expected, allowed=None) -> list[Unit] | None:
    """One unit per expected (level, number), cutting the quotation where each opens.

    "Sửa đổi điểm c khoản 1, khoản 2 và điểm d khoản 3" quotes “c) …”, “2. …”, “d) …”:
    read as one text, "d)" would be a point of "2."; cut at the expected labels it is not.
    None when the labels are not all found in order.
    """
    cuts: list[int] = []
    for i, line in enumerate(paragraphs):
        if len(cuts) == len(expected):
            break
        if allowed is not None and not allowed[i]:
            continue
        found = classify(line, None)
        if found and (found[0], found[1]) == tuple(expected[len(cuts)]):
            cuts.append(i)
    if len(cuts) != len(expected) or not expected or cuts[0] != 0:
        return None
    units = []
    for n, start in enumerate(cuts):
        end = cuts[n + 1] if n + 1 < len(cuts) else len(paragraphs)
        parsed = parse_units(paragraphs[start:end])
        if len(parsed) != 1:
            return None
        units.append(parsed[0])
    return units


def _unit(level: str, number: str, rest: str) -> Unit:
    if level in (L.ARTICLE, L.CHAPTER, L.SECTION):
        return Unit(level, number, title=rest.rstrip("."))
    return Unit(level, number, text=rest)


def render(units: list[Unit]) -> str:
    """Units back to the quoted text (labels as written), for the exact-equality check."""
    lines = []
    for unit in units:
        for row in unit.rows():
            lines += label_lines(row.level, row.number, row.title, row.text)
    return normalise("\n".join(lines))


def label_lines(level: str, number: str, title: str, text: str) -> list[str]:
    """One unit as its paragraphs: "Điều 5. Tiêu đề", "1. …", "a) …"."""
    if level == L.ARTICLE:
        head = f"Điều {number}. {title}".strip()
    elif level == L.CHAPTER:
        head = f"Chương {number} {title}".strip()
    elif level == L.SECTION:
        head = f"Mục {number} {title}".strip()
    elif level == L.CLAUSE:
        return _first_with(f"{number}.", text)
    elif level == L.POINT:
        return _first_with(f"{number})", text)
    else:
        return text.split("\n") if text else []
    return [head, *(text.split("\n") if text else [])]


def _first_with(label: str, text: str) -> list[str]:
    lines = text.split("\n") if text else [""]
    return [f"{label} {lines[0]}".strip(), *lines[1:]]


def normalise(text: str) -> str:
    """Whitespace collapsed per paragraph, empty paragraphs dropped."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
