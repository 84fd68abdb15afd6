"""Admin view: "Tạo phiên bản mới từ văn bản sửa đổi" (calls services/amend.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.admin_header import NamedHeaderMixin

from .admin_forms import AmendForm, ChangeFormSet
from .models import LegalDocument
from .services.amend import amend
from .services.versions import current_version

MAX_ROWS = 30


class AmendView(NamedHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "documents/admin/amend.html"
    page_title = gettext_lazy("Tạo phiên bản mới từ văn bản sửa đổi")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("documents.add_legalversion"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _rows(self):
        try:
            return max(1, min(MAX_ROWS, int(self.request.GET.get("dong", 3))))
        except ValueError:
            return 3

    def get(self, request, *args, **kwargs):
        initial = {}
        if document_id := request.GET.get("document"):
            initial["document"] = document_id
        form = AmendForm(initial=initial)
        formset = ChangeFormSet(prefix="changes", initial=[{}] * self._rows())
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form = AmendForm(request.POST)
        formset = ChangeFormSet(request.POST, prefix="changes")
        errors = []
        if form.is_valid() and formset.is_valid():
            changes = [c for f in formset.forms if (c := f.to_change())]
            try:
                version = amend(
                    form.cleaned_data["document"],
                    form.cleaned_data["amending_document"],
                    form.cleaned_data["effective_from"],
                    changes,
                    form.cleaned_data["note"],
                )
            except ValidationError as exc:
                for field, messages_ in exc.message_dict.items():
                    if field in form.fields:
                        for message in messages_:
                            form.add_error(field, message)
                    else:
                        errors.extend(messages_)
            else:
                messages.success(
                    request,
                    _("Đã tạo phiên bản có hiệu lực từ %(date)s của %(doc)s.")
                    % {
                        "date": version.effective_from.strftime("%d/%m/%Y"),
                        "doc": version.document,
                    },
                )
                return redirect(
                    reverse("wagtailsnippets_documents_legalversion:edit", args=[version.pk])
                )
        return self.render_to_response(
            self.get_context_data(form=form, formset=formset, errors=errors)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs["form"]
        document = None
        raw = form.data.get("document") if form.is_bound else form.initial.get("document")
        if raw:
            document = LegalDocument.objects.filter(pk=raw).first() if str(raw).isdigit() else None
        version = current_version(document) if document else None
        context["base_version"] = version
        context["base_provisions"] = (
            version.provisions.order_by("sort_order") if version is not None else []
        )
        context["more_rows_url"] = f"?dong={min(MAX_ROWS, self._rows() + 3)}" + (
            f"&document={document.pk}" if document else ""
        )
        return context
