"""Vietnamese conventions for dates and numbers, shared by templates and exports."""

from datetime import date, datetime
from decimal import Decimal


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


def vietnamese_number(value, decimals: int = 0) -> str:
    """1234567.5 → "1.234.567,5": dots for thousands, comma for decimals."""
    if value is None:
        return ""
    number = Decimal(str(value))
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


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
