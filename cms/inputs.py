"""One place that turns query parameters into values or a Vietnamese 400 message.

Bad input must never reach the database: PostgreSQL refuses NUL in text, SQLite
overflows on integers beyond 64 bits and PostgreSQL on integer columns beyond 32.
"""

import re
from datetime import datetime

# C0 controls and DEL, except tab/newline/carriage return (harmless in text).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_ID = 2**31 - 1  # PostgreSQL integer/serial columns
MAX_OFFSET = 100_000


class InputError(ValueError):
    """A query parameter that cannot be used; str() is the message for the user."""


def has_control_chars(value):
    return bool(CONTROL_CHARS.search(value or ""))


def clean_text(value, name):
    if has_control_chars(value):
        raise InputError(f"{name}: không được chứa ký tự điều khiển (ví dụ NUL).")
    return value


def check_params(params):
    """Refuse control characters in any parameter name or value of a QueryDict."""
    for key, values in params.lists():
        clean_text(key, "Tên tham số")
        for value in values:
            clean_text(value, key)


def parse_int(value, name, minimum=0, maximum=MAX_ID):
    text = (value or "").strip()
    try:
        number = int(text)
    except ValueError:
        raise InputError(f"{name}: “{text[:40]}” phải là số nguyên.") from None
    if not minimum <= number <= maximum:
        raise InputError(f"{name}: phải là số nguyên từ {minimum} đến {maximum}.")
    return number


def parse_date(value, name):
    """dd/mm/yyyy or yyyy-mm-dd."""
    text = (value or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(f"{name}: “{text[:40]}” không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).")


def parse_choice(value, name, choices):
    if value not in choices:
        raise InputError(f"{name}: phải là một trong {', '.join(choices)}.")
    return value
