"""Admin forms for thủ tục hành chính: checks that span a version and its inline rows."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.widgets import AdminDateInput

from regulations.documents.choosers import (
    provision_chooser_viewset,
    text_provisions,
    visible_documents,
)
from regulations.documents.models import LegalDocument, Provision

from .models import MethodKind


def _live_forms(formset):
    """Child forms that will be kept (valid, not deleted, not empty)."""
    kept = []
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.cleaned_data:
            continue
        if formset.can_delete and formset._should_delete_form(form):
            continue
        kept.append(form)
    return kept


class ProcedureVersionForm(WagtailAdminModelForm):
    """Phiên bản thủ tục: at least one method, each kind once."""

    def is_valid(self):
        valid = super().is_valid()
        methods = self.formsets.get("methods")
        if methods is None or not valid:
            return valid
        kept = _live_forms(methods)
        if not kept:
            methods._non_form_errors.append(
                _(
                    "Cách thức thực hiện: cần ít nhất một cách thức với thời hạn giải quyết "
                    "(ngày làm việc)."
                )
            )
            return False
        seen = set()
        for form in kept:
            kind = form.cleaned_data.get("kind")
            if kind in seen:
                form.add_error(
                    "kind",
                    _("Cách thức “%(kind)s” đã được khai báo ở dòng khác trong phiên bản này.")
                    % {"kind": MethodKind(kind).label},
                )
                valid = False
            seen.add(kind)
        return valid


class NewVersionForm(forms.Form):
    """Tạo phiên bản mới từ phiên bản hiện hành (đơn giản hóa thủ tục)."""

    effective_from = forms.DateField(label=gettext_lazy("Áp dụng từ ngày"), widget=AdminDateInput())
    decision = forms.ModelChoiceField(
        label=gettext_lazy("Quyết định sửa đổi"),
        queryset=LegalDocument.objects.order_by("-issued_date", "number_symbol"),
        required=True,
        error_messages={"required": gettext_lazy("Chưa chọn quyết định sửa đổi.")},
    )
    change_summary = forms.CharField(
        label=gettext_lazy("Nội dung thay đổi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, source=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean_effective_from(self):
        date = self.cleaned_data["effective_from"]
        if self.source and date <= self.source.effective_from:
            raise ValidationError(
                _("Áp dụng từ ngày phải sau ngày áp dụng của phiên bản gốc (%(date)s).")
                % {"date": f"{self.source.effective_from:%d/%m/%Y}"}
            )
        return date


class LegalBasisForm(WagtailAdminModelForm):
    """Căn cứ pháp lý: a document and, chosen (Chọn quy định) or typed, one provision.

    Choosing a provision fills the document and provision_path from it; the model's
    clean then checks the path as for a typed one (services/legal_basis.py)."""

    provision = forms.ModelChoiceField(
        label=gettext_lazy("Chọn quy định"),
        queryset=Provision.objects.none(),
        required=False,
        # The modal opens on the row's document (id_legal_basis-<n>-document).
        widget=provision_chooser_viewset.widget_class(
            linked_fields={"document": {"match": r"^id_legal_basis-[^-]+-", "append": "document"}}
        ),
        help_text=gettext_lazy(
            "Tìm điều, khoản gõ có dấu hay không dấu (“dieu 5 khoan 2”, “giay phep”); "
            "văn bản và quy định được điền theo quy định đã chọn."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        documents = visible_documents(self.for_user) if self.for_user else LegalDocument.objects
        self.fields["provision"].queryset = Provision.objects.filter(
            version__document__in=documents
        )
        self.fields["document"].required = False  # a chosen provision names it
        basis = self.instance
        if basis.document_id and basis.provision_path and "provision" not in self.initial:
            chosen = text_provisions(basis.document).filter(path=basis.provision_path).first()
            self.initial["provision"] = chosen.pk if chosen else None

    def clean(self):
        cleaned = super().clean()
        provision = cleaned.get("provision")
        if provision is not None and "provision" in self.changed_data:
            cleaned["document"] = provision.version.document
            cleaned["provision_path"] = provision.path
        if cleaned.get("document") is None and not self.has_error("document"):
            self.add_error("document", self.fields["document"].error_messages["required"])
        return cleaned


class LegalBasisPanel(InlinePanel):
    """The legal basis rows of a procedure version, with the provisions chooser."""

    def __init__(self, relation_name="legal_basis", *args, **kwargs):
        kwargs.setdefault(
            "panels",
            [FieldPanel("document"), FieldPanel("provision"), FieldPanel("provision_path")],
        )
        super().__init__(relation_name, *args, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        # The rows' form, told who edits (the chooser's visibility rule).
        options["formsets"][self.relation_name].update(
            form=LegalBasisForm, inherit_kwargs=["for_user"]
        )
        return options
