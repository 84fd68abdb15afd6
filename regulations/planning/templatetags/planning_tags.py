from django import template

from cms.formatting import vietnamese_number

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
    try:
        return vietnamese_number(float(rate) * 100, 1)
    except (TypeError, ValueError):
        return ""


# What a change to a task did, in words for the unit's activity feed (Wagtail's own
# messages are short English past tenses, "Edited", in its catalogue).
TASK_ACTIONS = {
    "wagtail.create": "Tạo nhiệm vụ",
    "wagtail.edit": "Cập nhật nhiệm vụ",
    "wagtail.revert": "Khôi phục phiên bản trước của nhiệm vụ",
    "wagtail.lock": "Khóa nhiệm vụ để chỉnh sửa",
    "wagtail.unlock": "Mở khóa nhiệm vụ",
    "wagtail.delete": "Xóa nhiệm vụ",
}


@register.filter
def hanh_dong(entry):
    """{{ log_entry|hanh_dong }} → "Cập nhật nhiệm vụ" (else Wagtail's message)."""
    return TASK_ACTIONS.get(getattr(entry, "action", "")) or entry.message
