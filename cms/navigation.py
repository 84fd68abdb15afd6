"""The public site's main navigation: named URLs, skipped while an app has none."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = [
    (_("Trang chủ"), "wagtail_serve", [""]),
    (_("Văn bản"), "documents:library", []),
    (_("Thủ tục hành chính"), "procedures:catalogue", []),
    (_("Tìm kiếm"), "search:search", []),
    (_("Tra cứu hồ sơ"), "dossiers:lookup", []),
    (_("Khảo sát hài lòng"), "surveys:form", []),
    (_("Phản ánh, kiến nghị"), "feedback:form", []),
]


def main_navigation(current_path: str):
    items = []
    for label, name, args in MAIN_NAVIGATION:
        try:
            url = reverse(name, args=args)
        except NoReverseMatch:
            continue
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": label, "url": url, "active": active})
    return items
