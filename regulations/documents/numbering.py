"""Số, ký hiệu văn bản: parsing and validating document numbers.

Forms (docs/domain.md, "Number and symbol"; Decree 30/2020):
- normative: NUMBER/YEAR/SYMBOL, where SYMBOL is TYPE-ISSUER ("30/2020/NĐ-CP") or the
  issuer alone for laws and ordinances ("80/2015/QH13");
- administrative: NUMBER/TYPE-ISSUER ("572/KH-STTTT");
- official letters (công văn) have no type: NUMBER/ISSUER-UNIT ("123/STTTT-VP").

Numbers restart each calendar year, so a number/symbol is unique per issuer and year.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from search.text import fold

# Decree 30/2020, appendix III, plus the normative types (Law 80/2015). Kept here as
# the fallback; the admin-editable DocumentType table is the source of truth.
DEFAULT_TYPE_CODES = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
    "BB", "TTr", "HĐ", "CĐ", "GM", "GUQ", "GGT", "GNP", "PG", "PC", "PB", "PL", "TT",
    "TTLT", "NĐ", "NQLT", "L", "QH", "SL", "CV", "KL", "TCĐ",
}  # fmt: skip

_PART = r"[0-9A-Za-zĐđ\.]+"
_SYMBOL = rf"{_PART}(?:-{_PART})*"
NORMATIVE_RE = re.compile(rf"^(?P<number>\d{{1,5}}[a-z]?)/(?P<year>\d{{4}})/(?P<symbol>{_SYMBOL})$")
ADMIN_RE = re.compile(rf"^(?P<number>\d{{1,6}}[a-z]?)/(?P<symbol>{_SYMBOL})$")
# Old laws: "100-SL/L.002", "102/SL-L.004", kept whole when nothing else fits.
# Laws and orders before 1992: "100-SL/L.002", "102/SL-L.004", "21-LCT/HĐNN8"
# (sắc lệnh, luật, lệnh của Chủ tịch nước), with two trailing segments at most.
LEGACY_RE = re.compile(
    r"^(?P<number>\d{1,5})[/-](?P<symbol>(?:SL|LCT|L)(?:[/\-][0-9A-Za-zĐđ\.]+){0,2})$"
)


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed number/symbol; `text` is the normalised form to store and display."""

    text: str
    number: str
    year: int | None
    type_code: str
    issuer_code: str
    unit_code: str = ""

    @property
    def symbol(self) -> str:
        return self.text.split("/", 2)[-1]


def normalise(raw: str) -> str:
    """Trim, drop a leading "Số:"/"Luật số", and remove spaces around / and -."""
    text = (raw or "").strip().strip(".")
    text = re.sub(r"^(?:[A-Za-zÀ-ỹĐđ ]*\s)?số\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*([/\-])\s*", r"\1", text)
    text = text.replace("–", "-").replace("‐", "-")
    return text.strip()


def parse_number(raw: str, type_codes=None, default_year: int | None = None) -> DocumentNumber:
    """Parse a number/symbol or raise ValidationError with a message naming the problem.

    `type_codes` is the set of known type abbreviations (from DocumentType); it tells
    "572/KH-STTTT" (plan, issuer STTTT) from "123/STTTT-VP" (official letter).
    """
    text = normalise(raw)
    codes = set(type_codes or ()) | DEFAULT_TYPE_CODES
    folded_codes = {c.upper(): c for c in codes}
    if not text:
        raise ValidationError(_("Số, ký hiệu không được để trống."), code="empty")
    if m := NORMATIVE_RE.match(text):
        year = int(m["year"])
        if not 1945 <= year <= 2100:
            raise ValidationError(
                _("Năm %(year)s trong số, ký hiệu “%(text)s” không hợp lệ."),
                params={"year": year, "text": text},
                code="year",
            )
        parts = m["symbol"].split("-", 1)
        if len(parts) == 2 and parts[0].upper() in folded_codes:
            type_code, issuer = parts
        else:
            type_code, issuer = "", m["symbol"]
        return DocumentNumber(text, m["number"], year, type_code, issuer)
    if m := ADMIN_RE.match(text):
        parts = m["symbol"].split("-", 1)
        if len(parts) == 2 and parts[0].upper() in folded_codes:
            return DocumentNumber(text, m["number"], default_year, parts[0], parts[1])
        if len(parts) == 2:
            # Official letter: issuer first, then the drafting unit.
            return DocumentNumber(text, m["number"], default_year, "", parts[0], parts[1])
        raise ValidationError(
            _(
                "Ký hiệu “%(symbol)s” thiếu phần cơ quan ban hành: dùng dạng "
                "số/LOẠI-CƠQUAN (ví dụ 572/KH-STTTT) hoặc số/năm/LOẠI-CƠQUAN "
                "(ví dụ 30/2020/NĐ-CP)."
            ),
            params={"symbol": m["symbol"]},
            code="symbol",
        )
    if m := LEGACY_RE.match(text):
        return DocumentNumber(text, m["number"], default_year, "", m["symbol"])
    raise ValidationError(
        _(
            "“%(text)s” không phải số, ký hiệu hợp lệ. Dạng đúng: 572/KH-STTTT, "
            "30/2020/NĐ-CP hoặc 80/2015/QH13."
        ),
        params={"text": raw},
        code="format",
    )


def fold_number(text: str) -> str:
    """The diacritic-free form used for matching: "30/2020/NĐ-CP" → "30/2020/nd-cp"."""
    return fold(text)
