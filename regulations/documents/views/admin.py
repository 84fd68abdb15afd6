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

from ..admin_forms import AmendForm, ChangeFormSet, provision_choices
from ..models import LegalDocument
from ..services.amend import amend
from ..services.versions import current_version

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

    def _base_version(self, raw):
        """The current version of the chosen document (its provisions are the choices)."""
        document = LegalDocument.objects.filter(pk=raw).first() if str(raw).isdigit() else None
        return current_version(document) if document else None

    def _formset(self, version, *args, **kwargs):
        provisions = version.provisions.order_by("sort_order") if version else []
        kwargs["form_kwargs"] = {"provisions": provision_choices(provisions)}
        return ChangeFormSet(*args, prefix="changes", **kwargs)

    def get(self, request, *args, **kwargs):
        initial = {}
        for key in ("document", "amending_document", "effective_from", "note"):
            if value := request.GET.get(key):
                initial[key] = value
        form = AmendForm(initial=initial)
        self.base_version = self._base_version(initial.get("document"))
        formset = self._formset(self.base_version, initial=[{}] * self._rows())
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form = AmendForm(request.POST)
        self.base_version = self._base_version(request.POST.get("document"))
        formset = self._formset(self.base_version, request.POST)
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
        version = self.base_version
        context["base_version"] = version
        context["more_rows"] = min(MAX_ROWS, self._rows() + 3)
        return context
