"""The version edit page, bounded for long texts.

A version's provisions are edited in its form (one inline row each) only while they
are few; a code or a law of hundreds of articles would make one form of megabytes.
Above INLINE_LIMIT the form keeps the version's own fields, and its provisions are
listed read-only, a page at a time, each with its text folded (<details>); the text of
a long version changes through an amending document or a new Word import.
"""

from django.contrib.admin.utils import unquote
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import EditView

from ..admin_forms import LegalVersionForm
from ..models import LegalVersion, Provision

INLINE_LIMIT = 60
PAGE_SIZE = 50

METADATA_PANEL = ObjectList(
    [
        FieldPanel("document"),
        FieldPanel("effective_from"),
        FieldPanel("amending_document"),
        FieldPanel("note"),
    ],
    base_form_class=LegalVersionForm,
)


def provision_count(version_pk) -> int:
    return Provision.objects.filter(version_id=version_pk).count()


class LegalVersionEditView(EditView):
    def get_panel(self):
        pk = unquote(str(self.kwargs.get(self.pk_url_kwarg, "")))
        self.long_text = provision_count(pk) > INLINE_LIMIT
        if self.long_text:
            return METADATA_PANEL.bind_to_model(LegalVersion)
        return super().get_panel()

    def get_form_class(self):
        if self.long_text:  # the version's own fields only: no provisions formset
            return self.panel.get_form_class()
        return super().get_form_class()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provisions = self.object.provisions.order_by("sort_order").only(
            "level", "number", "title", "text", "path", "depth", "sort_order"
        )
        page = Paginator(provisions, PAGE_SIZE).get_page(self.request.GET.get("trang"))
        context.update(
            long_text=self.long_text,
            provisions_page=page,
            provisions_heading=_("Các quy định của phiên bản"),
        )
        return context
