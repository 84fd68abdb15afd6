"""Admin views: "Hợp nhất vào văn bản được sửa đổi", the draft's redline, confirm, discard.

Thin views over consolidation/drafts.py; every view needs permissions.can_consolidate.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..consolidation import drafts
from ..consolidation.redline import redline
from ..consolidation.service import ConsolidationError
from ..models import ConsolidationDraft, DraftState, LegalDocument
from ..permissions import can_consolidate


class _Allowed:
    """Only those who may edit legal documents; others get a 403 page (Wagtail would turn
    PermissionDenied into a redirect to the dashboard)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_consolidate(request.user):
            message = _("Chỉ người có quyền sửa văn bản mới được hợp nhất văn bản.")
            return TemplateResponse(
                request, "documents/admin/forbidden.html", {"message": message}, status=403
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        """No "Trang chủ" item: the list of drafts, then this page."""
        index = {"url": reverse("hop-nhat:index"), "label": _("Bản hợp nhất chờ xác nhận")}
        return [index, {"url": "", "label": self.get_page_title()}]


def draft_url(draft) -> str:
    return reverse("hop-nhat:draft", args=[draft.pk])


class DraftIndexView(_Allowed, WagtailAdminTemplateMixin, TemplateView):
    template_name = "documents/admin/consolidation_index.html"
    page_title = gettext_lazy("Bản hợp nhất chờ xác nhận")
    header_icon = "doc-full-inverse"

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        drafts_ = ConsolidationDraft.objects.select_related("amending", "base")
        context["pending"] = drafts_.filter(state=DraftState.PENDING)
        context["decided"] = drafts_.exclude(state=DraftState.PENDING)[:30]
        return context


class ConsolidateView(_Allowed, WagtailAdminTemplateMixin, TemplateView):
    """GET: the documents the text amends (choose one); POST: create the draft."""

    template_name = "documents/admin/consolidate.html"
    page_title = gettext_lazy("Hợp nhất vào văn bản được sửa đổi")
    header_icon = "doc-full-inverse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.amending = get_object_or_404(LegalDocument, pk=kwargs["amending_id"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["amending"] = self.amending
        context["error"] = kwargs.get("error", "")
        try:
            context["bases"] = drafts.candidates(self.amending)
        except ConsolidationError as exc:
            context["bases"], context["error"] = [], context["error"] or str(exc)
        context["pending"] = self.amending.consolidations_made.filter(state=DraftState.PENDING)
        return context

    def post(self, request, *args, **kwargs):
        raw = request.POST.get("base", "").strip()
        base = LegalDocument.objects.filter(pk=raw).first() if raw.isdigit() else None
        if raw and base is None:
            return self.render_to_response(
                self.get_context_data(error=_("Văn bản được sửa đổi đã chọn không có."))
            )
        try:
            draft = drafts.start(self.amending, base, request.user)
        except ConsolidationError as exc:
            return self.render_to_response(self.get_context_data(error=str(exc)))
        counts = draft.counts()
        messages.success(
            request,
            _(
                "Đã tạo bản nháp hợp nhất vào %(base)s: %(applied)s/%(total)s chỉ dẫn áp dụng. "
                "Kiểm tra rồi xác nhận để công bố."
            )
            % {
                "base": draft.base.number_symbol,
                "applied": counts["applied"],
                "total": sum(counts.values()),
            },
        )
        return redirect(draft_url(draft))


class DraftView(_Allowed, WagtailAdminTemplateMixin, TemplateView):
    """The redline: each changed provision beside the instructions that made it."""

    template_name = "documents/admin/consolidation_draft.html"
    header_icon = "doc-full-inverse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.draft = get_object_or_404(
            ConsolidationDraft.objects.select_related("amending", "base", "previous", "version"),
            pk=kwargs["pk"],
        )

    def get_page_title(self):
        return str(self.draft)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["draft"] = self.draft
        context["redline"] = redline(self.draft)
        context["counts"] = self.draft.counts()
        return context


class _Decide(_Allowed, View):
    """POST only: run `action` on the draft, then back to its page with the message."""

    http_method_names = ["post"]
    action = None
    done = ""

    def post(self, request, pk):
        draft = get_object_or_404(ConsolidationDraft, pk=pk)
        try:
            type(self).action(draft, request.user)
        except ConsolidationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, self.done % {"draft": draft})
        return redirect(draft_url(draft))


class ConfirmView(_Decide):
    action = drafts.confirm
    done = gettext_lazy("Đã xác nhận và công bố phiên bản hợp nhất (%(draft)s).")


class DiscardView(_Decide):
    action = drafts.discard
    done = gettext_lazy("Đã huỷ bản nháp (%(draft)s); văn bản không thay đổi.")
