"""Ngày tháng: dates as Vietnamese documents write them and as people type them.

In words, "ngày 31 tháng 3 năm 2017" (written by the templates and exports, read back
by the importer); in figures, "31/03/2017" (shown everywhere, typed in forms and links).
"""

import re
from datetime import date, datetime

# "ngày 31 tháng 3 năm 2017" exactly, for patterns that look for a date after a phrase
# ("thông qua ngày …", "có hiệu lực từ ngày …").
DATE_IN_WORDS = r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
# What headers really hold: words or figures, "ngày 31 tháng 3 năm 2017", "ngày 20-5-1957".
_WRITTEN_DATE_RE = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng|[/.\-])\s*(\d{1,2})\s*(?:năm|[/.\-])\s*(\d{4})", re.IGNORECASE
)


def vietnamese_date(value: date | datetime | None, place: str = "") -> str:
    """ "ngày 31 tháng 3 năm 2017", prefixed by a place ("Hà Nội, ngày …") when given.

    Official documents write day and month without a leading zero except that
    Decree 30/2020 asks for a leading zero on days 1-9 and months 1-2; we follow it.
    """
    if value is None:
        return ""
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {day} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else text


def find_written_date(text: str) -> date | None:
    """The first "ngày 31 tháng 3 năm 2017" (or "ngày 31/3/2017") in a text, or None
    when there is none or it is impossible ("ngày 31 tháng 2 …" is skipped)."""
    for m in _WRITTEN_DATE_RE.finditer(text or ""):
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
    return None


def short_date(value: date | datetime | None) -> str:
    """31/03/2017"""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_day(text: str | None) -> date | None:
    """A date typed by a person or put in a link: dd/mm/yyyy (as shown everywhere),
    d-m-yyyy, or ISO yyyy-mm-dd. None when empty or not a real date."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    for separator in ("/", "-", "."):
        parts = text.split(separator)
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
            try:
                return date(int(parts[2]), int(parts[1]), int(parts[0]))
            except ValueError:
                return None
    return None
