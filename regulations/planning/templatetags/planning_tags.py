from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ row.by_status|get_item:"hoan_thanh" }}"""
    try:
        return mapping.get(key, 0)
    except AttributeError:
        return ""


@register.filter
def percent(rate):
    """0.6667 → "66,7" (Vietnamese decimal comma)."""
    from cms.formatting import vietnamese_number

    try:
        return vietnamese_number(float(rate) * 100, 1)
    except (TypeError, ValueError):
        return ""
