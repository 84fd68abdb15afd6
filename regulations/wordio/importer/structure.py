"""Stage 4 – cấu trúc: body blocks → provisions (Phần … Điều, khoản, điểm; plans' I./1./a)).

Reads: the body blocks (after the header/title, before the closing region).
Writes: a list of ProvisionData in reading order, the counts per level and warnings.
Every block ends up in exactly one provision: a heading opens one, plain text goes to the
provision being read (before any heading: the preamble; nothing recognised at all: one
unstructured annex part, with a warning).

Rules worth knowing:
- "Chương I" / "CHƯƠNG I" with its title on the same line or in the next centred
  paragraph(s) (a title split over two centred paragraphs is joined);
- "Điều 5." / "Điều 5:" / "Điều 5a." open an article; a bare "Điều 5" opens one only when
  bold or alone on its line; "Điều 5 của Luật…" is text;
- khoản "1." and điểm "a)" (Vietnamese letters, "a1", "đ") only inside an article, or
  in a text without articles (plans: "I." headings, then "1.", "a)"; "-" and "+" are text);
- an amending law's quotations: once a provision ends with ":" and the next block opens a
  quotation (“ or "), everything up to the closing quotation mark is text of that
  provision, even "Điều 5. …" lines; likewise an unquoted "Điều N." right after
  "… như sau:" in an amending clause whose number is not the next own article;
- the closing sentence ("Luật này đã được Quốc hội … thông qua ngày …") after the last
  article starts an untitled annex part (phần kết).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from regulations.documents.services.provisions import ProvisionData
from regulations.documents.structure import ProvisionLevel as L
from vietnamese.case import is_upper
from vietnamese.enumerations import POINT_LETTERS, ordinal_value, roman
from vietnamese.folding import fold

from .text import plain

ARTICLE_CONTEXT = {L.ARTICLE, L.HEADING, L.CLAUSE}
_SEP = r"\s*(?:[.:\-–]\s*|\s+|$)"
PART_RE = re.compile(r"^Phần\s+(thứ\s+\w+|[IVXLC]+|\d+)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
CHAPTER_RE = re.compile(r"^Chương\s+([IVXLCDM]+|\d+)([a-z]?)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
SECTION_RE = re.compile(r"^Mục\s+(\d+[a-z]?|[IVXLC]+)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
SUBSECTION_RE = re.compile(r"^Tiểu\s+mục\s+(\d+[a-z]?)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
ARTICLE_RE = re.compile(r"^Điều\s*(?:thứ\s+)?(\d{1,4}[a-zđ]?\d?)\s*(?:([.:\-–])\s*(.*))?$")
ARTICLE_LOOSE_RE = re.compile(r"^Điều\s+(\d{1,4}[a-zđ]?)\s+(\S.*)$")
HEADING_RE = re.compile(r"^([IVXLC]{1,6})\s*[.:\-–]\s*(\S.*)$")
CLAUSE_RE = re.compile(r"^(\d{1,3}[a-zđ]?)\s*\.(?![\d])\s*(.*)$")
POINT_RE = re.compile(r"^([a-zđ]\d{0,2})\s*\)\s*(.*)$")
ANNEX_RE = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục)\b")
CLOSING_RE = re.compile(
    r"^(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết|Hiến\s+pháp|Nghị\s+định|Sắc\s+lệnh)\s+"
    r"(?:này\s+)?(?:đã\s+)?được\s+Quốc\s+hội.*thông\s+qua",
    re.IGNORECASE,
)
AMEND_RE = re.compile(r"(sửa\s+đổi|bổ\s+sung|thay\s+thế|thay\s+cụm|như\s+sau)", re.IGNORECASE)
INSTRUCTION_RE = re.compile(
    r"^(Sửa\s+đổi|Bổ\s+sung|Bãi\s+bỏ|Thay\s+thế|Thay\s+cụm|Thay\s+từ|Đổi\s+tên|Điều\s+\d+\w?\s+"
    r"được|Khoản\s+\d+\w?\s+(Điều|được)|Điểm\s+\w+\s+(khoản|được))",
    re.IGNORECASE,
)
OPEN_QUOTES = '“"‘«'
POINT_PARENTS = (L.ARTICLE, L.CLAUSE, L.POINT, L.HEADING)


@dataclass
class Outline:
    provisions: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def _number_roman(token: str) -> str:
    token = token.strip()
    if token.lower().startswith("thứ"):
        value = ordinal_value(token.split()[-1])
        return roman(value).upper() if value else token.split()[-1]
    return token.upper() if re.fullmatch(r"[ivxlcdm]+", token, re.IGNORECASE) else token


class _Parser:
    def __init__(self, blocks, preamble_lines=()):
        self.blocks = blocks
        self.rows: list[ProvisionData] = []
        self.article_context = False
        self.preamble: list[str] = list(preamble_lines)
        self.current: ProvisionData | None = None
        self.quote_depth = 0
        self.straight_open = False
        self.warnings: list[str] = []
        self.own_articles: list[str] = []
        self.has_articles = any(
            b.kind == "p" and ARTICLE_RE.match(b.plain) and not b.plain.startswith(OPEN_QUOTES)
            for b in blocks
        )
        self.has_headings = not self.has_articles and any(
            b.kind == "p" and HEADING_RE.match(b.plain) and (b.bold or is_upper(b.plain))
            for b in blocks
        )
        self.closed = False  # after the closing sentence

    # -- helpers -----------------------------------------------------------
    def _open(self, level, number="", title="", text="") -> ProvisionData:
        row = ProvisionData(level=level, number=number, title=plain(title)[:500], text=text)
        self.rows.append(row)
        self.article_context = self.article_context or level in ARTICLE_CONTEXT
        self.current = row
        return row

    def _append(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.current is None:
            self.preamble.append(text)
        elif self.current.text:
            self.current.text += "\n" + text
        else:
            self.current.text = text

    def _track_quotes(self, text: str) -> None:
        self.quote_depth += text.count("“") - text.count("”")
        self.quote_depth += text.count("«") - text.count("»")
        self.quote_depth = max(self.quote_depth, 0)
        if text.count('"') % 2:
            self.straight_open = not self.straight_open

    @property
    def in_quote(self) -> bool:
        return self.quote_depth > 0 or self.straight_open

    def _last_line(self) -> str:
        if self.current is None:
            return self.preamble[-1] if self.preamble else ""
        return (self.current.text or self.current.title).rsplit("\n", 1)[-1]

    def _expected_article(self) -> int:
        if not self.own_articles:
            return 1
        digits = re.match(r"\d+", self.own_articles[-1])
        return int(digits.group()) + 1 if digits else 0

    def _in_article_context(self) -> bool:
        """An Điều, a heading or a khoản has been opened (kept up to date as rows open:
        collecting the levels of every row again per paragraph made long laws quadratic)."""
        return self.article_context

    # -- main loop ---------------------------------------------------------
    def run(self) -> Outline:
        i = 0
        blocks = self.blocks
        while i < len(blocks):
            block = blocks[i]
            i += 1
            text = block.plain
            if block.kind == "table":
                self._append(block.text)
                continue
            if self.in_quote and not self._quote_escape(block):
                self._append(block.text)
                self._track_quotes(text)
                continue
            if text.startswith(OPEN_QUOTES) and self._last_line().rstrip().endswith(":"):
                self._append(block.text)
                self._track_quotes(text)
                continue
            if self.closed:
                if ANNEX_RE.match(text) and (block.centered or is_upper(text)):
                    self._open(L.ANNEX, title=text)
                else:
                    self._append(block.text)
                continue
            if self.has_articles and self.own_articles and CLOSING_RE.match(text):
                self._open(L.ANNEX, text=block.text)
                self.closed = True
                continue
            consumed = self._heading(block, i)
            if consumed is None:
                self._append(block.text)
                self._track_quotes(text)
            else:
                i += consumed
        return self._finish()

    def _heading(self, block, next_index) -> int | None:
        """Open a provision for a heading block; return how many extra blocks it used."""
        text = block.plain
        strong = block.bold or block.centered or is_upper(text)
        if m := ARTICLE_RE.match(text):
            number, sep, title = m[1], m[2], m[3] or ""
            if not sep and not (block.bold or text == m.group(0).strip()):
                return None
            if self._is_quoted_article(number):
                return None
            self.own_articles.append(number)
            self._open(L.ARTICLE, number, title.strip())
            if not title and next_index < len(self.blocks):
                nxt = self.blocks[next_index]
                if nxt.kind == "p" and nxt.bold and not self._looks_structural(nxt.plain):
                    self.current.title = nxt.plain[:500]
                    return 1
            return 0
        if block.bold and (m := ARTICLE_LOOSE_RE.match(text)) and m[2][:1].isupper():
            if self._is_quoted_article(m[1]):
                return None
            self.own_articles.append(m[1])
            self._open(L.ARTICLE, m[1], m[2])
            return 0
        for regex, level in ((PART_RE, L.PART), (CHAPTER_RE, L.CHAPTER)):
            if (m := regex.match(text)) and strong:
                if level == L.CHAPTER:
                    number, title = _number_roman(m[1]) + m[2], m[3]
                else:
                    number, title = _number_roman(m[1]), m[2]
                return self._titled(level, number, title, next_index)
        for regex, level in ((SUBSECTION_RE, L.SUBSECTION), (SECTION_RE, L.SECTION)):
            if (m := regex.match(text)) and strong:
                return self._titled(level, m[1], m[2], next_index)
        if ANNEX_RE.match(text) and (block.centered or is_upper(text)) and self.rows:
            self._open(L.ANNEX, title=text)
            self.closed = True
            return 0
        if self.has_headings and (m := HEADING_RE.match(text)) and (block.bold or is_upper(m[2])):
            self._open(L.HEADING, m[1], m[2])
            return 0
        clause_allowed = self._in_article_context() or not (self.has_articles or self.has_headings)
        if (m := CLAUSE_RE.match(text)) and clause_allowed and (m[2] or block.label):
            self._open(L.CLAUSE, m[1], text=m[2])
            return 0
        point_allowed = self.current is not None and self.current.level in POINT_PARENTS
        m = POINT_RE.match(text)
        if m and point_allowed and (m[1][0] in POINT_LETTERS or block.label):
            self._open(L.POINT, m[1], text=m[2])
            return 0
        return None

    def _quote_escape(self, block) -> bool:
        """A quotation left open by mistake ends at the next own article or instruction."""
        text = block.plain
        if text.startswith(OPEN_QUOTES):
            return False
        m = ARTICLE_RE.match(text)
        if m and block.bold and m[1] == str(self._expected_article()) and self.own_articles:
            self.quote_depth, self.straight_open = 0, False
            return True
        m = CLAUSE_RE.match(text)
        if m and INSTRUCTION_RE.match(m[2]) and self._own_clause_next() == m[1]:
            self.quote_depth, self.straight_open = 0, False
            return True
        return False

    def _own_clause_next(self) -> str:
        for row in reversed(self.rows):
            if row.level == L.ARTICLE:
                return "1"
            if row.level == L.CLAUSE and row.number.isdigit():
                return str(int(row.number) + 1)
        return ""

    def _is_quoted_article(self, number: str) -> bool:
        """An unquoted "Điều N." after "… như sau:" in an amending clause is quoted text."""
        if self.current is None or self.current.level not in (L.CLAUSE, L.POINT, L.ARTICLE):
            return False
        last = self._last_line().rstrip()
        first = (self.current.text or "").split("\n", 1)[0]
        instructing = last.endswith(":") and AMEND_RE.search(last)
        inside_amendment = self.current.level != L.ARTICLE and (
            INSTRUCTION_RE.match(first) or "như sau" in first
        )
        if not (instructing or inside_amendment):
            return False
        digits = re.match(r"\d+", number)
        return not (digits and int(digits.group()) == self._expected_article() and
                    number.isdigit())  # fmt: skip

    def _looks_structural(self, text: str) -> bool:
        return bool(
            ARTICLE_RE.match(text)
            or SUBSECTION_RE.match(text)
            or ANNEX_RE.match(text)
            or CHAPTER_RE.match(text)
            or SECTION_RE.match(text)
            or PART_RE.match(text)
            or CLAUSE_RE.match(text)
            or POINT_RE.match(text)
        )

    def _titled(self, level, number, title, next_index) -> int:
        """Open a Phần/Chương/Mục; its title may follow in one or two centred paragraphs."""
        row = self._open(level, number, title)
        used = 0
        parts = [title] if title else []
        j = next_index
        while j < len(self.blocks) and used < 3:
            nxt = self.blocks[j]
            t = nxt.plain
            if nxt.kind != "p" or self._looks_structural(t) or ANNEX_RE.match(t):
                break
            first = not parts
            if not (nxt.centered or (first and (is_upper(t) or nxt.bold))):
                break
            if not first and not nxt.centered:
                break
            parts.append(t)
            used += 1
            j += 1
        row.title = " ".join(parts)[:500]
        return used

    def _finish(self) -> Outline:
        outline = Outline()
        rows = self.rows
        if self.in_quote and rows:
            self.warnings.append(
                "Có dấu ngoặc kép mở mà không đóng: phần sau được giữ làm nội dung."
            )
        structured = any(r.level != L.ANNEX or r.title for r in rows)
        if not structured:
            text = "\n".join(self.preamble + [r.text for r in rows if r.text])
            rows = [ProvisionData(level=L.ANNEX, text=text)] if text else []
            self.warnings.append(
                "Không nhận ra cấu trúc (Chương, Điều, khoản…): toàn văn được lưu như "
                "văn bản không cấu trúc."
            )
        elif self.preamble:
            rows.insert(0, ProvisionData(level=L.PREAMBLE, text="\n".join(self.preamble)))
        outline.provisions = rows
        outline.counts = count_levels(rows)
        outline.warnings = self.warnings + article_gaps(
            [r.number for r in rows if r.level == L.ARTICLE]
        )
        return outline


def count_levels(rows) -> dict:
    counts = {"parts": 0, "chapters": 0, "sections": 0, "articles": 0, "clauses": 0, "points": 0}
    key = {
        L.PART: "parts",
        L.CHAPTER: "chapters",
        L.SECTION: "sections",
        L.SUBSECTION: "sections",
        L.ARTICLE: "articles",
        L.CLAUSE: "clauses",
        L.POINT: "points",
    }
    for row in rows:
        if row.level in key:
            counts[key[row.level]] += 1
    return counts


def article_gaps(numbers) -> list[str]:
    """Warnings for an article sequence that is not 1..N (inserted "25a" allowed)."""
    warnings = []
    previous = 0
    for number in numbers:
        m = re.match(r"(\d+)(.*)", number)
        if not m:
            continue
        value, suffix = int(m[1]), m[2]
        if suffix and value == previous:
            continue
        if value != previous + 1:
            if previous == 0:
                warnings.append(f"Điều đầu tiên là Điều {number}, không phải Điều 1.")
            else:
                warnings.append(f"Số điều không liên tục: sau Điều {previous} là Điều {number}.")
        previous = value
    return warnings


def is_gapless(numbers) -> bool:
    return bool(numbers) and not article_gaps(numbers)


def parse_structure(blocks, preamble_lines=()) -> Outline:
    return _Parser(blocks, preamble_lines).run()


def folded_startswith(text: str, *prefixes: str) -> bool:
    return fold(text).startswith(prefixes)
