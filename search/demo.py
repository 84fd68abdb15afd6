"""Demo data: rebuild the search index after the other apps' demo rows.

Some demo loaders bulk-create rows, which sends no save signals,
so the index is rebuilt once at the end (idempotent). Skipped under the test
settings, where tests index what they need.
"""

from django.conf import settings


def load(out=None) -> str:
    if getattr(settings, "TESTING", False):
        return "Tìm kiếm: bỏ qua khi chạy kiểm thử."
    from . import service

    summary = service.rebuild()
    return f"Tìm kiếm: {summary['indexed']} mục trong chỉ mục ({summary['engine']})."
