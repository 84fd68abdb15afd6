"""Đọc văn bản sửa đổi: an amending document's provisions → instructions per amended law.

An amending law holds its instructions as provisions, one instruction with its quotation
per provision (as `import_docx` stores them). A law amending several laws has one
article per law ("Điều 1. Sửa đổi, bổ sung một số điều của Luật Đầu tư công …"); a
provision "Sửa đổi, bổ sung một số khoản của Điều 5 như sau:" gives its sub-provisions
their article. The amended law is named by number in the article or the preamble
("… của Luật bảo hiểm y tế số 25/2008/QH12"), or by name and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vietnamese.folding import fold

from ..services.provisions import ProvisionData
from ..structure import ProvisionLevel, place
from . import targets
from .instructions import Parsed, read_instruction, verbs
from .quotes import label_lines, split_instruction

L = ProvisionLevel
NUMBER_RE = r"\d+/\d{4}/[A-ZĐ0-9\-]+"
NUMBERED_RE = re.compile(
    rf"\bsố\s+({NUMBER_RE})(?:\s+ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}}))?"
)
KINDS = (
    r"Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết|Nghị\s+định|Thông\s+tư|Quyết\s+định|Quy\s+chế|"
    r"Quy\s+định|Quy\s+trình"
)
KIND_RE = re.compile(rf"\b(?:{KINDS}|BỘ\s+LUẬT|LUẬT|PHÁP\s+LỆNH)\b")
DATE_RE = re.compile(
    r"\s*(?:được\s+Quốc\s+hội\s+thông\s+qua\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
NAME_END_RE = re.compile(r"\s+(?:số|đã|được|ngày)\s|[:;.]|\s*$")
NEW_INSTRUCTION_RE = re.compile(
    r"^(?:Sửa\s+đổi|Bổ\s+sung|Bãi\s+bỏ|Thay\s+thế|Điều\s+\d+\w*\s+được)[^\n]*như\s+sau\s*:", re.I
)
CLOSED_RE = re.compile(r"”\s*[.;,]?\s*$")
GROUP_RE = re.compile(rf"sửa\s+đổi.*?\bcủa\s+(?:các\s+)?(?:{KINDS})", re.I)
CLOSING_TITLES = ("hieu luc", "dieu khoan thi hanh", "quy dinh chuyen tiep", "thi hanh")


@dataclass
class LawRef:
    """How an amending text names the law it amends (văn bản được sửa đổi)."""

    name: str = ""
    number: str = ""
    date: str = ""  # YYYY-MM-DD when given

    def __bool__(self) -> bool:
        return bool(self.name or self.number)


@dataclass
class Instruction:
    """One instruction (chỉ dẫn sửa đổi) of the amending document."""

    source: str  # its path in the amending document, e.g. "dieu-1/khoan-3"
    text: str  # the provision's text: instruction line and quotation
    parsed: Parsed

    @property
    def action(self) -> str:
        return self.parsed.action

    @property
    def operations(self):
        return self.parsed.operations


@dataclass
class Group:
    """The instructions addressed to one amended law."""

    law: LawRef
    source: str = ""  # the grouping article, "" for the whole document
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Reading:
    """What the reader found in an amending document."""

    groups: list[Group] = field(default_factory=list)

    @property
    def instructions(self) -> list[Instruction]:
        return [i for g in self.groups for i in g.instructions]

    def for_base(self, number: str = "", title: str = "") -> list[Instruction]:
        """The instructions addressed to the base document with this number or title."""
        chosen = [g for g in self.groups if matches(g.law, number, title)]
        if not chosen and len(self.groups) == 1 and not self.groups[0].law:
            chosen = self.groups  # the text does not say which law: the one asked for
        return [i for g in chosen for i in g.instructions]


def laws_named(text: str) -> list[LawRef]:
    """Every "Luật X số N (ngày …)" in a text; "Luật số N" (an earlier amendment) is skipped."""
    text = " ".join((text or "").split())
    found = []
    for match in NUMBERED_RE.finditer(text):
        before = text[: match.start()].rstrip()
        kinds = list(KIND_RE.finditer(before))
        if not kinds or kinds[-1].end() == len(before):
            continue
        name = before[kinds[-1].start() :]
        number, day, month, year = match.groups()
        date = f"{year}-{int(month):02d}-{int(day):02d}" if year else ""
        found.append(LawRef(name, number, date))
    return found


def law_named_after(text: str) -> LawRef | None:
    """The law named at the start of `text` ("Luật Viên chức", maybe with its number)."""
    text = " ".join((text or "").split())
    kind = KIND_RE.match(text)
    if not kind:
        return None
    numbered = laws_named(text)
    if numbered and text.startswith(numbered[0].name):
        return numbered[0]
    end = NAME_END_RE.search(text, kind.end())
    name = text[: end.start()] if end else text
    dated = DATE_RE.match(text[len(name) :])
    if dated:
        day, month, year = dated.groups()
        return LawRef(name, "", f"{year}-{int(month):02d}-{int(day):02d}")
    return LawRef(name)


def matches(law: LawRef, number: str = "", title: str = "") -> bool:
    if law.number and number:
        return same_number(law.number, number)
    return bool(law.name and title) and fold(law.name) in fold(title)


def same_number(a: str, b: str) -> bool:
    """13/2008/QH12 = 13/2008/qh12; "04/2007/QH11" (a typo for QH12) matches by number/year."""
    a, b = a.strip().upper(), b.strip().upper()
    return a == b or a.split("/")[:2] == b.split("/")[:2]


def read(rows, preamble_law: LawRef | None = None) -> Reading:
    """Read an amending document's provisions (level, number, title, text rows in order)."""
    rows = join_open_quotations(list(rows))
    placed, _warnings = place([(r.level, r.number) for r in rows])
    preamble = " ".join(r.text for r in rows if r.level == L.PREAMBLE)
    known = laws_named(preamble)
    default = preamble_law or (known[0] if known else LawRef())
    reading = Reading()
    children = _children(placed)
    for i, row in enumerate(rows):
        if row.level != L.ARTICLE:
            continue
        head = f"{row.title} {_first_line(row.text)}"
        if fold(row.title).startswith(CLOSING_TITLES):
            continue
        if GROUP_RE.search(head):
            group = Group(_group_law(head, known) or default, placed[i].path)
            if verbs(split_instruction(row.text).instruction) and not GROUP_RE.search(
                _first_line(row.text)
            ):
                group.instructions.append(_instruction(row, placed[i].path, (), group.law))
            _walk(rows, placed, children, i, (), group)
            reading.groups.append(group)
        elif _is_instruction(row.text):
            cited = _cited_law(row.text)
            if cited is not None and not _same_law(cited.number, default):
                group = _group_for(reading, cited, placed[i].path)
            else:
                group = _default_group(reading, default)
            group.instructions.append(_instruction(row, placed[i].path, (), group.law))
    return reading


def _cited_law(text: str) -> LawRef | None:
    """The numbered law an article-level instruction names after its target
    ("… khoản 3 Điều 19 Luật giá số 11/2012/QH13 như sau:")."""
    for op in read_instruction(text).operations:
        named = laws_named(op.law) if op.law else []
        if named and named[0].number:
            return named[0]
    return None


def _group_for(reading: Reading, law: LawRef, source: str) -> Group:
    for group in reading.groups:
        if group.law.number and same_number(group.law.number, law.number):
            return group
    reading.groups.append(Group(law, source))
    return reading.groups[-1]


def join_open_quotations(rows) -> list:
    """An instruction whose quotation the importer cut off (its “ not closed, the rest
    read as provisions of the amending law) gets the following provisions back as
    quoted paragraphs, up to the closing ”; unchanged when no closing mark comes or
    another instruction starts first."""
    out, i = [], 0
    while i < len(rows):
        row = rows[i]
        if row.level != L.PREAMBLE and _cut_off(row.text):
            text, j, closed = row.text, i + 1, False
            while j < len(rows) and not closed and not NEW_INSTRUCTION_RE.match(rows[j].text):
                lines = label_lines(rows[j].level, rows[j].number, rows[j].title, rows[j].text)
                text, j = "\n".join([text, *lines]), j + 1
                closed = bool(CLOSED_RE.search(rows[j - 1].text))
            if closed:
                out.append(ProvisionData(row.level, row.number, row.title, text))
                i = j
                continue
        out.append(row)
        i += 1
    return out


def _cut_off(text: str) -> bool:
    """A quotation left open, or one whose last paragraph is a quoted article's heading."""
    text = text or ""
    last = text.rstrip().rsplit("\n", 1)[-1]
    return text.count("“") > text.count("”") or (
        "“" in text and bool(re.match(r"Điều\s+\d+[a-zđ]\d*\.\s+\S", last))
    )


def _default_group(reading: Reading, law: LawRef) -> Group:
    for group in reading.groups:
        if group.source == "":
            return group
    reading.groups.append(Group(law))
    return reading.groups[-1]


def _group_law(head: str, known: list[LawRef]) -> LawRef | None:
    """The law an article "Sửa đổi, bổ sung một số điều của Luật X số N" addresses."""
    after = re.split(r"\bcủa\s+(?:các\s+)?", head, maxsplit=1, flags=re.I)
    tail = fold(after[1] if len(after) > 1 else head)
    for other in sorted(known, key=lambda k: -len(k.name)):
        if other.number and other.name and tail.startswith(fold(other.name)):
            return other
    law = law_named_after(after[1] if len(after) > 1 else head)
    if law is None:
        return None
    if not law.number:
        for other in known:
            if other.number and fold(other.name) == fold(law.name):
                law.number, law.date = other.number, law.date or other.date
    return law


def _walk(rows, placed, children, index, context, group: Group) -> None:
    for child in children.get(index, []):
        row = rows[child]
        sub = children.get(child, [])
        if sub and _is_context(row.text):
            _walk(rows, placed, children, child, _context_of(row.text, context), group)
            continue
        if row.text.strip():
            group.instructions.append(_instruction(row, placed[child].path, context, group.law))
        if sub:
            _walk(rows, placed, children, child, context, group)


def _instruction(row, source: str, context, law: LawRef) -> Instruction:
    parsed = read_instruction(row.text, context)
    for op in parsed.operations:
        if op.law and not op.error and not _same_law(op.law, law):
            op.error = "other_law"
    return Instruction(source, row.text, parsed)


def _same_law(cited: str, law: LawRef) -> bool:
    """Whether "Luật thi hành án dân sự số 26/2008/QH12" (after a target) is `law`."""
    named = laws_named(cited) or [LawRef(cited)]
    return matches(law, named[0].number, named[0].name) or (
        not named[0].number and bool(law.name) and fold(law.name) in fold(cited)
    )


def _is_instruction(text: str) -> bool:
    split = split_instruction(text)
    return bool(verbs(split.instruction)) and bool(split.quoted or "bãi bỏ" in text.lower())


def _is_context(text: str) -> bool:
    """A provision that only introduces its sub-provisions' instructions (no quotation)."""
    split = split_instruction(text)
    return not split.quoted and text.rstrip().endswith(":")


def _context_of(text: str, outer) -> tuple:
    refs = targets.resolve(targets.tokens(split_instruction(text).instruction), outer)
    if len(refs) == 1:
        return tuple((t.level, t.number) for t in reversed(refs[0].chain))
    tops = {(r.top.level, r.top.number) for r in refs}
    if len(tops) == 1:  # "một số điểm vào khoản 1 và khoản 2 Điều 40": Điều 40
        return tuple(tops)
    return tuple(outer)


def _children(placed) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for node in placed:
        if node.parent_index is not None:
            out.setdefault(node.parent_index, []).append(node.index)
    return out


def _first_line(text: str) -> str:
    return (text or "").split("\n", 1)[0]
