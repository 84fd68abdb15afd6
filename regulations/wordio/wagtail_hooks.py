"""Admin: "Nhập văn bản Word" menu item and the "Xuất Word" button on legal versions;
the private originals are served to staff only."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from regulations.documents.models import LegalVersion

from . import originals, views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("word/nhap/", views.upload, name="wordio_upload"),
        path(
            "word/phien-ban/<int:version_id>.docx",
            views.admin_export_version,
            name="wordio_admin_export",
        ),
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("documents.add_legaldocument")


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return _ImportMenuItem(
        _("Nhập văn bản Word"),
        reverse("wordio_upload"),
        icon_name="upload",
        order=201,  # right after the "Văn bản" menu (200)
    )


@hooks.register("register_snippet_listing_buttons")
def export_button(snippet, user, next_url=None):
    if isinstance(snippet, LegalVersion) and user.has_perm("documents.view_legalversion"):
        yield ListingButton(
            _("Xuất Word"),
            reverse("wordio_admin_export", args=[snippet.pk]),
            icon_name="download",
            priority=70,
        )


@hooks.register("before_serve_document")
def serve_originals_to_staff(document, request):
    """Tệp gốc: anonymous visitors log in first; staff without the view permission get 403."""
    if not originals.is_original(document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not originals.may_download(request.user):
        raise PermissionDenied
    return None
