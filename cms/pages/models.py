"""Site-wide page types and the agency's contact settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề mục"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"))
    table = TableBlock(label=_("Bảng"))
    quote = blocks.BlockQuoteBlock(label=_("Trích dẫn"))

    class Meta:
        label = _("Nội dung")


class HomePage(Page):
    """Trang chủ: the portal's landing page."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["pages.StandardPage", "pages.CommitmentsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().in_menu()
        return context


class StandardPage(Page):
    """Trang nội dung: an ordinary page with a free body."""

    intro = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("trang nội dung")


class CommitmentsPage(Page):
    """Cam kết phục vụ: the ten commitments posted at the one-stop counter.

    The commitments are rows, not text, so the wording can change by editing and
    the poster and the public page read the same list.
    """

    intro = RichTextField(_("lời mở đầu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("commitments", label=_("cam kết"), min_num=1),
    ]
    max_count = 1

    class Meta:
        verbose_name = _("trang cam kết phục vụ")


class Commitment(Orderable):
    page = ParentalKey(CommitmentsPage, related_name="commitments", on_delete=models.CASCADE)
    text = models.CharField(_("cam kết"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("cam kết")
        verbose_name_plural = _("cam kết")

    def __str__(self):
        return self.text


@register_setting(icon="site")
class AgencySettings(BaseSiteSetting):
    """Thông tin cơ quan: shown in the header and footer of every public page."""

    name = models.CharField(_("tên cơ quan"), max_length=255, blank=True)
    parent_name = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=255, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("parent_name")], heading=_("Cơ quan")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
            ],
            heading=_("Liên hệ"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")
