"""Stage 2 – đọc tệp: turn a checked .docx into a flat list of blocks in reading order.

Reads: the bytes of a package that safety.check_docx accepted (python-docx opens it with
its own parser, which never resolves entities).
Writes: a list of Block – one per non-empty paragraph, table or text-box paragraph – with
the visible text as Word shows it in the "accepted changes" view:
- inserted text (w:ins) kept, deleted text (w:del, w:moveFrom) dropped;
- manual line breaks (w:br, w:cr) become "\\n", tabs "\\t";
- text boxes (w:txbxContent) become their own blocks right after their anchor paragraph,
  once (the VML fallback copy of a DrawingML text box is skipped);
- Word automatic numbering (w:numPr, directly or through the paragraph style) is resolved
  against numbering.xml into the visible label ("1.", "a)", "Điều 5.", "II.") and
  prefixed to the text, so later stages see typed and automatic numbering alike.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from vietnamese.enumerations import roman

W_P, W_TBL, W_SDT, W_SDTCONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_R, W_T, W_TAB, W_BR, W_CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_DEL, W_MOVEFROM, W_TXBX = qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")
W_PPR, W_RPR, W_TR, W_TC = qn("w:pPr"), qn("w:rPr"), qn("w:tr"), qn("w:tc")
W_NOBREAK, W_SOFTHYPHEN, W_SYM = qn("w:noBreakHyphen"), qn("w:softHyphen"), qn("w:sym")
W_CUSTOMXML, W_SMARTTAG = qn("w:customXml"), qn("w:smartTag")
W_VAL = qn("w:val")
# Per paragraph and run: looked up once here, not through qn() each time.
W_PSTYLE, W_JC, W_NUMPR, W_INS = qn("w:pStyle"), qn("w:jc"), qn("w:numPr"), qn("w:ins")
W_B, W_I, W_RSTYLE, W_TYPE = qn("w:b"), qn("w:i"), qn("w:rStyle"), qn("w:type")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {W_PPR, W_RPR, W_DEL, W_MOVEFROM, MC_FALLBACK, qn("w:instrText"), qn("w:delText")}
FALSE = {"0", "false", "off", "none"}
# No-break space → space; zero-width and direction marks dropped; the Icelandic eth
# (Ð, ð), often typed for Đ/đ in old files, mapped to the Vietnamese letter.
_CLEAN = str.maketrans(
    {"\xa0": " ", "\u200b": None, "\u200c": None, "\u200d": None, "\u200e": None,
     "\u200f": None, "\ufeff": None, "\u00d0": "\u0110", "\u00f0": "\u0111"}
)  # fmt: skip


TABLE_SEPARATOR = " | "  # a table row becomes one line of text: "cell | cell"


@dataclass
class Block:
    """One unit of the body: a paragraph, a table or a paragraph of a text box."""

    text: str
    kind: str = "p"  # "p", "table" or "textbox"
    bold: bool = False
    centered: bool = False
    italic: bool = False
    label: str = ""  # visible automatic numbering label, already prefixed to text
    rows: list = field(default_factory=list)  # tables: rows of cell texts

    @property
    def plain(self) -> str:
        return " ".join(self.text.split())


def _on(el) -> bool:
    return el is not None and (el.get(W_VAL) or "true").lower() not in FALSE


class _Styles:
    """Paragraph style facts resolved through basedOn: bold, italic, centred, numPr."""

    def __init__(self, doc):
        self.raw: dict[str, dict] = {}
        self.default = ""
        try:
            root = doc.styles.element
        except Exception:  # pragma: no cover - a package without styles
            return
        for style in root.iterchildren(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            if style.get(qn("w:type")) == "paragraph" and _on_attr(style.get(qn("w:default"))):
                self.default = sid
            info = {"based": None, "bold": None, "italic": None, "center": None, "num": None}
            based = style.find(qn("w:basedOn"))
            if based is not None:
                info["based"] = based.get(W_VAL)
            rpr = style.find(W_RPR)
            if rpr is not None:
                b = rpr.find(qn("w:b"))
                i = rpr.find(qn("w:i"))
                info["bold"] = _on(b) if b is not None else None
                info["italic"] = _on(i) if i is not None else None
            ppr = style.find(W_PPR)
            if ppr is not None:
                jc = ppr.find(qn("w:jc"))
                if jc is not None:
                    info["center"] = jc.get(W_VAL) == "center"
                num = ppr.find(qn("w:numPr"))
                if num is not None:
                    info["num"] = _num_pr(num)
            self.raw[sid] = info
        self.cache: dict[str, dict] = {}

    def get(self, sid: str | None) -> dict:
        sid = sid or self.default
        if sid in self.cache:
            return self.cache[sid]
        resolved = {"bold": False, "italic": False, "center": False, "num": None}
        chain, seen = [], set()
        while sid and sid in self.raw and sid not in seen:
            seen.add(sid)
            chain.append(self.raw[sid])
            sid = self.raw[sid]["based"]
        for info in reversed(chain):
            for key in resolved:
                if info[key] is not None:
                    resolved[key] = info[key]
        self.cache[sid or ""] = resolved
        return resolved


def _on_attr(value) -> bool:
    return value is not None and value.lower() not in FALSE


def _num_pr(num_pr) -> tuple[str, int] | None:
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    return num_id.get(W_VAL), int(ilvl.get(W_VAL)) if ilvl is not None else 0


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters, n = "", value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class _Numbering:
    """Word automatic list numbering: numId/ilvl → the label Word displays."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list] = {}
        if root is None:
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")) or 0)
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[ilvl] = (
                    fmt.get(W_VAL) if fmt is not None else "decimal",
                    text.get(W_VAL) if text is not None else "",
                    int(start.get(W_VAL)) if start is not None else 1,
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl")) or 0)] = int(start.get(W_VAL))
            if abstract is not None:
                self.nums[num.get(qn("w:numId"))] = (abstract.get(W_VAL), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 10)
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        if fmt == "bullet":
            return text if text in ("-", "–", "+", "*") else "•"
        out = text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token in out:
                lvl_fmt, _t, lvl_start = levels.get(k - 1, ("decimal", "", 1))
                value = counters[k - 1] if counters[k - 1] is not None else lvl_start
                out = out.replace(token, _format(value, lvl_fmt))
        return out.strip()


def _numbering_element(part):
    """The numbering.xml root of a document part, or None (never creates one)."""
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.target_part.element
    return None


class Reader:
    """Walk the body XML once; python-docx only parses the package."""

    def __init__(self, data: bytes):
        self.doc = Document(io.BytesIO(data))
        self.styles = _Styles(self.doc)
        self.numbering = _Numbering(_numbering_element(self.doc.part))

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        self._container(self.doc.element.body, out)
        return out

    def _container(self, parent, out: list[Block]) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, out)
            elif tag == W_TBL:
                self._table(child, out)
            elif tag in (W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_INS):
                self._container(child.find(W_SDTCONTENT) if tag == W_SDT else child, out)

    def _paragraph(self, p, out: list[Block]) -> None:
        boxes: list = []
        parts: list[str] = []
        counts = [0, 0, 0]  # characters, bold characters, italic characters
        ppr = p.find(W_PPR)
        style_id = None
        num = None
        center = None
        if ppr is not None:
            style = ppr.find(W_PSTYLE)
            style_id = style.get(W_VAL) if style is not None else None
            jc = ppr.find(W_JC)
            if jc is not None:
                center = jc.get(W_VAL) == "center"
            num_pr = ppr.find(W_NUMPR)
            if num_pr is not None:
                num = _num_pr(num_pr) or ("0", 0)
        style = self.styles.get(style_id)
        self._runs(p, parts, boxes, counts, style["bold"], style["italic"], style)
        text = unicodedata.normalize("NFC", "".join(parts)).translate(_CLEAN)
        if "\n" in text:  # manual line breaks: no stray spaces around them
            text = "\n".join(line.strip() for line in text.split("\n"))
        if num is None:
            num = style["num"]
        label = ""
        if num and num[0] != "0" and text.strip():
            label = self.numbering.label(*num)
        if text.strip():
            chars, bold_chars, italic_chars = counts
            bold = style["bold"] if chars == 0 else bold_chars * 10 >= chars * 6
            full = f"{label} {text.strip()}" if label else text.strip()
            out.append(
                Block(
                    text=full,
                    bold=bold,
                    italic=chars > 0 and italic_chars * 10 >= chars * 6,
                    centered=style["center"] if center is None else center,
                    label=label,
                )
            )
        for box in boxes:
            for inner in box.iterchildren():
                if inner.tag == W_P:
                    before = len(out)
                    self._paragraph(inner, out)
                    for block in out[before:]:
                        block.kind = "textbox"
                elif inner.tag == W_TBL:
                    self._table(inner, out)

    def _runs(self, el, parts, boxes, counts, bold, italic, style) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag in SKIPPED:
                continue
            if tag == W_T:
                value = child.text or ""
                parts.append(value)
                n = len(value.strip())
                counts[0] += n
                if bold:
                    counts[1] += n
                if italic:
                    counts[2] += n
            elif tag == W_R:
                rpr = child.find(W_RPR)
                run_bold, run_italic = self._run_format(rpr, style)
                self._runs(child, parts, boxes, counts, run_bold, run_italic, style)
            elif tag == W_TAB:
                parts.append("\t")
            elif tag in (W_BR, W_CR):
                if child.get(W_TYPE) != "page":
                    parts.append("\n")
            elif tag == W_NOBREAK:
                parts.append("-")
            elif tag == W_SOFTHYPHEN:
                continue
            elif tag == W_TXBX:
                boxes.append(child)
            elif tag == W_P:  # a paragraph nested where a run was expected (rare)
                continue
            else:
                self._runs(child, parts, boxes, counts, bold, italic, style)

    def _run_format(self, rpr, style):
        if rpr is None:
            return style["bold"], style["italic"]
        b = rpr.find(W_B)
        i = rpr.find(W_I)
        bold = _on(b) if b is not None else style["bold"]
        italic = _on(i) if i is not None else style["italic"]
        if b is None:
            rstyle = rpr.find(W_RSTYLE)
            if rstyle is not None and "strong" in (rstyle.get(W_VAL) or "").lower():
                bold = True
        return bold, italic

    def _table(self, tbl, out: list[Block]) -> None:
        rows = []
        for tr in tbl.iterchildren(W_TR):
            cells = []
            for tc in tr.iterchildren(W_TC):
                inner: list[Block] = []
                self._container(tc, inner)
                cells.append("\n".join(b.text for b in inner))
            rows.append(cells)
        lines = []
        for row in rows:
            cells = [" ".join(c.split()) for c in row]
            while cells and not cells[-1]:  # merged or empty trailing cells
                cells.pop()
            if cells:  # a row with no text (a spacer) carries nothing
                lines.append(TABLE_SEPARATOR.join(cells))
        text = "\n".join(lines)
        if text.replace("|", "").strip():
            out.append(Block(text=text, kind="table", rows=rows))


def read_blocks(data: bytes) -> list[Block]:
    """All non-empty blocks of the document body, in reading order."""
    return Reader(data).blocks()
