"""Stage 3 – phần đầu văn bản: header table, number/symbol, place/date, type and title.

Reads: the blocks from read.py.
Writes: a Header (issuer, number/symbol, place, date, type name, summary) and the index of
the first body block; the header table, the type line and the summary lines are
metadata, every other block before the body stays for the preamble.

Sources, in order of trust: the two-column header table ("Số: …"/"Luật số: …", motto,
"Hà Nội, ngày … tháng … năm …"); then the title area (lines like "SỐ 03/2007/QH12",
"NGÀY 21 THÁNG 11 NĂM 2007" under the title). The closing-sentence date ("… thông qua
ngày 22 tháng 6 năm 2015") is looked for by the pipeline once the body is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from regulations.documents.numbering import DocumentNumber, parse_number
from vietnamese.case import is_upper
from vietnamese.dates import find_written_date
from vietnamese.folding import fold

from .text import is_rule, plain

# Document type names (loại văn bản); the DocumentType table adds its own.
TYPE_NAMES = [
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết liên tịch", "Nghị quyết",
    "Nghị định", "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị", "Sắc lệnh",
    "Sắc luật", "Lệnh", "Kế hoạch", "Quy chế", "Quy định", "Thông báo", "Thông cáo",
    "Hướng dẫn", "Chương trình", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản",
    "Tờ trình", "Công điện", "Công văn", "Giấy mời", "Kết luận",
]  # fmt: skip
NUMBER_LINE_RE = re.compile(r"^(?:[A-Za-zÀ-ỹĐđ ]{0,20}\s)?số\s*:?\s*(?P<raw>\S.*)$", re.IGNORECASE)
NUMBER_ANY_RE = re.compile(
    r"\bsố\s*:?\s*(?P<raw>\d{1,5}[a-z]?\s*[/\-]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][\w.Đđ\-/]*)",
    re.IGNORECASE,
)
# Folded starts of the lines that end a title: "CỦA QUỐC HỘI", "SỐ: 16/1999/QH10", "NGÀY 5…",
# "KHÓA XI", "Căn cứ …", "Chương I"… ("SỞ HỮU TRÍ TUỆ", "CĂN CƯỚC" are titles, not stops).
STOP_RE = re.compile(
    r"^(cua |so\s*:?\s*\d|ngay \d|khoa [ivxl]+\b|can cu\b|chuong |phan |muc |dieu \d)"
)
TITLE_AREA_RE = re.compile(r"^(cua |so\s*:?\s*\d|ngay \d|khoa [ivxl]+\b)")
# "… SỐ 16/1999/QH10 VỀ SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM": the title after an upper-case VỀ.
ABOUT_RE = re.compile(r"(?:^|\s)VỀ\s+(.+)$")
MOTTO_WORDS = ("cong hoa", "doc lap", "dan chu cong hoa", "tu do - hanh phuc", "hanh phuc")
PLACE_DATE_RE = re.compile(r"^(?P<place>[^,]{0,60}?)\s*,?\s*ngày\b", re.IGNORECASE)


@dataclass
class Header:
    """Thể thức phần đầu: what the header table and the title area say."""

    issuer_parent: str = ""
    issuer_name: str = ""
    number_raw: str = ""
    number: DocumentNumber | None = None
    place: str = ""
    date: date | None = None
    type_name: str = ""
    summary: str = ""
    has_table: bool = False
    body_start: int = 0
    preamble_lines: list = field(default_factory=list)  # title-area lines kept as text
    warnings: list = field(default_factory=list)


def normalise_number(raw: str) -> str:
    text = plain(raw).strip(" .;,:")
    text = re.sub(r"^(\d+)\s+([A-ZĐ])", r"\1-\2", text)  # "100 SL/L.002" → "100-SL/L.002"
    text = text.split(" ")[0] if " " in text and "/" in text.split(" ")[0] else text
    return text


def try_number(raw: str, type_codes=()) -> DocumentNumber | None:
    try:
        return parse_number(normalise_number(raw), type_codes)
    except ValidationError:
        return None


def _type_match(text: str, type_names) -> tuple[str, str] | None:
    """ "LUẬT BẢO HIỂM Y TẾ" → ("Luật", "BẢO HIỂM Y TẾ"); longest type name first."""
    folded = fold(text)
    for name in type_names:
        key = fold(name)
        if folded == key:
            return name, ""
        if folded.startswith(key + " ") and is_upper(text):
            return name, plain(text)[len(name) :].strip()
    return None


def _is_motto(line: str) -> bool:
    folded = fold(line)
    return any(word in folded for word in MOTTO_WORDS)


def _read_table(header: Header, rows, type_codes) -> None:
    left, right = [], []
    for row in rows:
        if not row:
            continue
        left.extend(row[0].split("\n"))
        if len(row) > 1:
            right.extend(row[-1].split("\n"))
    issuer_lines = []
    for line in (plain(x) for x in left):
        if not line or is_rule(line):
            continue
        m = NUMBER_LINE_RE.match(line)
        if m and not header.number_raw and any(ch.isdigit() for ch in m["raw"]):
            header.number_raw = m["raw"]
            continue
        if header.number_raw:
            continue
        if find_written_date(line) and not header.date:
            _place_date(header, line)
            continue
        issuer_lines.append(line)
    if issuer_lines:
        header.issuer_name = issuer_lines[-1]
        header.issuer_parent = " ".join(issuer_lines[:-1])
    for line in (plain(x) for x in right):
        if not line or is_rule(line) or _is_motto(line):
            continue
        if not header.date and find_written_date(line):
            _place_date(header, line)
        elif not header.number_raw and (m := NUMBER_LINE_RE.match(line)):
            header.number_raw = m["raw"]


def _place_date(header: Header, line: str) -> None:
    header.date = find_written_date(line)
    if m := PLACE_DATE_RE.match(line):
        header.place = m["place"].strip(" ,")


def is_header_table(rows) -> bool:
    text = fold(" ".join(" ".join(row) for row in rows))
    return any(word in text for word in ("cong hoa", "doc lap")) or bool(
        re.search(r"\bso\s*:", text)
    )


def extract_header(blocks, type_names=None, type_codes=()) -> Header:
    """Find the header table and the title among the first blocks."""
    names = sorted(set(TYPE_NAMES) | set(type_names or ()), key=len, reverse=True)
    header = Header()
    i = 0
    limit = min(len(blocks), 8)
    for j in range(limit):
        block = blocks[j]
        if block.kind == "table" and is_header_table(block.rows):
            header.has_table = True
            _read_table(header, block.rows, type_codes)
            i = j + 1
            # Blocks before the header table (a stray line) stay for the preamble.
            header.preamble_lines.extend(b.text for b in blocks[:j])
            break
    # Title: the first type line within the next few blocks.
    title_at = None
    for j in range(i, min(len(blocks), i + 8)):
        block = blocks[j]
        if block.kind != "p":
            continue
        if (block.centered or block.bold or is_upper(block.text)) and (
            found := _type_match(block.plain, names)
        ):
            title_at = j
            header.type_name, rest = found
            break
    if title_at is None:
        header.warnings.append("Không nhận ra loại văn bản (Luật, Nghị định, Kế hoạch…).")
        header.body_start = i
        _number_fallback(header, blocks[i : i + 6], type_codes)
        return header
    header.preamble_lines.extend(b.text for b in blocks[i:title_at])
    summary = [rest] if rest else []
    j = title_at + 1
    while j < len(blocks) and len(summary) < 4:
        block = blocks[j]
        text = block.plain
        if block.kind != "p" or not (
            block.centered or (not summary and block.bold and is_upper(text))
        ):
            break
        if re.match(r"^([IVXLC]+|\d+)\s*[.)]\s", text):
            break
        folded = fold(text)
        if STOP_RE.match(folded):
            break
        lines = [x for x in block.text.split("\n") if x.strip()]
        cut = next((n for n, x in enumerate(lines) if STOP_RE.match(fold(x.strip()))), None)
        if cut is not None:  # "TITLE\nCăn cứ …" in one centred paragraph
            summary.extend(plain(x) for x in lines[:cut])
            header.preamble_lines.extend(lines[cut:])
            j += 1
            break
        summary.append(text)
        j += 1
    header.summary = " ".join(summary)
    # Title-area lines under the summary ("CỦA QUỐC HỘI …, SỐ 03/2007/QH12 NGÀY …").
    k = j
    while k < len(blocks) and k < j + 3:
        block = blocks[k]
        folded = fold(block.plain)
        if block.kind == "p" and TITLE_AREA_RE.match(folded):
            header.preamble_lines.append(block.text)
            k += 1
            continue
        break
    if not header.summary:  # "… SỐ 06/2003/QH11 NGÀY …\nVỀ LUẬT BIÊN GIỚI QUỐC GIA"
        for line in (x for b in blocks[j:k] for x in b.text.split("\n")):
            if m := ABOUT_RE.search(line):
                header.summary = plain(m[1]).removeprefix(f"{header.type_name.upper()} ")
    _number_fallback(header, blocks[title_at:k], type_codes)
    header.body_start = k
    return header


def _number_fallback(header: Header, blocks, type_codes) -> None:
    """Number and date stated in the title area when the header table had none."""
    for block in blocks:
        if fold(block.plain).startswith("can cu"):
            break
        if not header.number_raw and (m := NUMBER_ANY_RE.search(block.text)):
            header.number_raw = m["raw"]
        if not header.date and fold(block.plain).startswith(("ngay", "cua", "so")):
            header.date = find_written_date(block.text)


def finish_number(header: Header, type_codes=()) -> None:
    if header.number_raw:
        header.number = try_number(header.number_raw, type_codes)
        if header.number is None:
            header.warnings.append(
                f"Số, ký hiệu “{plain(header.number_raw)}” không đúng dạng: không lưu số."
            )
    else:
        header.warnings.append("Không tìm thấy số, ký hiệu văn bản.")
