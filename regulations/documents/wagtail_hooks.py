"""Admin (Wagtail, tiếng Việt): the "Văn bản" menu with documents, versions and lists."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.spreadsheet import snippet_index_view
from vietnamese.folding import fold

from .admin_forms import LegalDocumentForm, LegalVersionForm
from .choosers import provision_chooser_viewset
from .models import DocumentType, IssuingBody, LegalDocument, LegalField, LegalVersion, Sector
from .permissions import can_consolidate
from .views.admin import AmendView
from .views.consolidation import (
    ConfirmView,
    ConsolidateView,
    DiscardView,
    DraftIndexView,
    DraftView,
)
from .views.versions import LegalVersionEditView


class LegalDocumentViewSet(SnippetViewSet):
    index_view_class = snippet_index_view()
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Văn bản")
    list_display = [
        "number_symbol",
        "title",
        "document_type",
        "issued_date",
        "validity_status",
        BooleanColumn("live", label=_("Đang công bố"), sort_key="live"),
    ]
    list_filter = [
        "kind",
        "document_type",
        "issuing_body",
        "issuer_code",
        "year",
        "validity_status",
        "legal_field",
    ]
    list_export = [
        "number_symbol",
        "title",
        "document_type",
        "issuing_body",
        "issued_date",
        "effective_date",
        "validity_status",
    ]
    ordering = ["-issued_date", "number_symbol"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("document_type")]),
                    FieldPanel("number_symbol"),
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("legal_field")]),
                    FieldPanel("sector"),
                    FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_title")]),
                    FieldRowPanel(
                        [
                            FieldPanel("issued_date"),
                            FieldPanel("effective_date"),
                            FieldPanel("expiry_date"),
                        ]
                    ),
                    FieldPanel("original_file"),
                    FieldPanel("recipients"),
                    FieldPanel("tags"),
                    FieldPanel("slug"),
                ],
                heading=_("Thông tin văn bản"),
            ),
            ObjectList(
                [
                    FieldPanel("validity_status", read_only=True),
                    MultiFieldPanel(
                        [FieldPanel("status_override"), FieldPanel("status_override_reason")],
                        heading=_("Đặt tình trạng thủ công"),
                    ),
                ],
                heading=_("Hiệu lực"),
            ),
            ObjectList(
                [InlinePanel("relations_out", label=_("Quan hệ với văn bản khác"))],
                heading=_("Quan hệ văn bản"),
            ),
        ],
        base_form_class=LegalDocumentForm,
    )


class LegalVersionViewSet(SnippetViewSet):
    model = LegalVersion
    icon = "history"
    menu_label = _("Phiên bản pháp lý")
    list_display = ["document", "effective_from", "amending_document", "note"]
    list_filter = ["document__kind", "effective_from"]
    search_fields = ["document__number_symbol", "document__title", "note"]
    search_backend_name = None
    ordering = ["document__number_symbol", "effective_from"]
    edit_handler = ObjectList(LegalVersion.panels, base_form_class=LegalVersionForm)
    edit_view_class = LegalVersionEditView
    edit_template_name = "documents/admin/version_edit.html"


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Loại văn bản")
    list_display = ["name", "abbreviation", "default_kind", "sort_order"]
    list_filter = ["default_kind"]
    search_fields = ["name", "abbreviation"]
    search_backend_name = None


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    list_display = ["name", "code", "place"]
    search_fields = ["name", "code"]
    search_backend_name = None


class LegalFieldViewSet(SnippetViewSet):
    model = LegalField
    icon = "folder-inverse"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "folder-open-1"
    menu_label = _("Ngành")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class AmendViewSet(ViewSet):
    """The "new version from an amending document" action, in the same menu."""

    name = "van-ban-sua-doi"
    icon = "doc-full-inverse"
    menu_label = _("Tạo phiên bản mới từ văn bản sửa đổi")

    def get_urlpatterns(self):
        return [path("", AmendView.as_view(), name="amend")]


class ConsolidationViewSet(ViewSet):
    """Hợp nhất: the action on an amending document, its drafts, confirm and discard."""

    name = "hop-nhat"
    icon = "doc-full-inverse"
    menu_label = _("Bản hợp nhất chờ xác nhận")

    def get_urlpatterns(self):
        return [
            path("", DraftIndexView.as_view(), name="index"),
            path("van-ban/<int:amending_id>/", ConsolidateView.as_view(), name="start"),
            path("ban-nhap/<int:pk>/", DraftView.as_view(), name="draft"),
            path("ban-nhap/<int:pk>/xac-nhan/", ConfirmView.as_view(), name="confirm"),
            path("ban-nhap/<int:pk>/huy/", DiscardView.as_view(), name="discard"),
        ]


class DocumentsGroup(SnippetViewSetGroup):
    menu_label = _("Văn bản")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (
        LegalDocumentViewSet,
        LegalVersionViewSet,
        AmendViewSet,
        ConsolidationViewSet,
        DocumentTypeViewSet,
        IssuingBodyViewSet,
        LegalFieldViewSet,
        SectorViewSet,
    )


register_snippet(DocumentsGroup)


@hooks.register("register_snippet_listing_buttons")
def amend_button(snippet, user, next_url=None):
    if isinstance(snippet, LegalDocument) and user.has_perm("documents.add_legalversion"):
        yield ListingButton(
            _("Tạo phiên bản mới"),
            reverse("van-ban-sua-doi:amend") + f"?document={snippet.pk}",
            icon_name="doc-full-inverse",
            priority=50,
        )
    if isinstance(snippet, LegalDocument) and amends_others(snippet) and can_consolidate(user):
        yield ListingButton(
            _("Hợp nhất vào văn bản được sửa đổi"),
            reverse("hop-nhat:start", args=[snippet.pk]),
            icon_name="doc-full-inverse",
            priority=55,
        )
    if isinstance(snippet, LegalDocument) and snippet.live and snippet.slug:
        yield ListingButton(
            _("Xem trên trang công khai"),
            snippet.get_absolute_url(),
            icon_name="view",
            priority=60,
        )


def amends_others(document) -> bool:
    """An amending document by its title ("… sửa đổi, bổ sung …", "… bãi bỏ …")."""
    title = fold(document.title or "")
    return "sua doi" in title or "bai bo" in title


@hooks.register("register_admin_viewset")
def register_provision_chooser():
    """Chọn quy định: the provisions chooser (choosers.py) of a procedure's legal basis."""
    return provision_chooser_viewset
