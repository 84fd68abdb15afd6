from django import template

from vietnamese.dates import short_date, vietnamese_date
from vietnamese.numbers import vietnamese_number

register = template.Library()


@register.filter
def ngay_thang_nam(value, place=""):
    """{{ doc.issued_date|ngay_thang_nam:"Hà Nội" }} → "Hà Nội, ngày 31 tháng 3 năm 2017"."""
    return vietnamese_date(value, place)


@register.filter
def so(value, decimals=0):
    """{{ 1234567|so }} → "1.234.567"."""
    return vietnamese_number(value, int(decimals))


@register.filter
def ngay(value):
    return short_date(value)


@register.filter
def ho_ten(user):
    """A person's name in Vietnamese order (họ, then tên), else the username."""
    if user is None:
        return ""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.get_username()
