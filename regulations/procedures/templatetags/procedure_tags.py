"""Display helpers for procedure pages: working days and fees the Vietnamese way."""

from decimal import Decimal

from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

from vietnamese.numbers import vietnamese_number

from ..services.legal_basis import document_url as url_of

register = template.Library()


@register.filter
def so_ngay(value):
    """Decimal("15.0") → "15"; Decimal("7.5") → "7,5"."""
    if value is None:
        return ""
    value = Decimal(value)
    return vietnamese_number(value, 0 if value == value.to_integral() else 1)


@register.filter
def le_phi(value):
    """Decimal("500000") → "500.000 đồng"; 0 → "Không thu"."""
    if value is None:
        return ""
    if Decimal(value) == 0:
        return _("Không thu")
    return f"{vietnamese_number(value)} {_('đồng')}"


@register.simple_tag
def facet_url(query_string, name, value):
    """The catalogue URL with one facet set (or cleared when value is "")."""
    params = QueryDict(query_string, mutable=True)
    params.pop("trang", None)
    if value:
        params[name] = value
    else:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def document_url(document):
    """The public page of a document ("" when it has none)."""
    return url_of(document) if document is not None else ""
