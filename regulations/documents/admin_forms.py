"""Admin forms: the provision tree editor check and the "new version" action form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from vietnamese.case import upper_first

from .models import LegalDocument
from .models.relations import validate
from .services.amend import ACTIONS, INSERT, INSERT_AFTER, REPEAL, REPLACE, child_path
from .structure import ProvisionLevel, normalise_path, place


class LegalDocumentForm(WagtailAdminModelForm):
    """Checks each relation against this document (self relation, replacement cycle,
    provision paths): the inline forms do not know their parent yet."""

    def is_valid(self):
        valid = super().is_valid()
        formset = getattr(self, "formsets", {}).get("relations_out")
        if formset is None:
            return valid
        ok = True
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not data.get("target"):
                continue
            errors = validate(
                self.instance,
                data.get("relation_type"),
                data["target"],
                normalise_path(data.get("source_provision") or ""),
                normalise_path(data.get("target_provision") or ""),
            )
            for field_name, message in errors.items():
                form.add_error(field_name if field_name in form.fields else None, message)
                ok = False
        return valid and ok


class LegalVersionForm(WagtailAdminModelForm):
    """Checks the provision sequence as a whole: no two units may get the same path."""

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("provisions") if hasattr(self, "formsets") else None
        if not valid or formset is None:
            return valid
        rows = []
        for i, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            order = data.get("ORDER")
            rows.append((order if order is not None else i, i, data))
        rows.sort(key=lambda r: (r[0], r[1]))
        try:
            _placed, warnings = place(
                [(d["level"], (d.get("number") or "").strip()) for _o, _i, d in rows]
            )
        except (KeyError, ValueError):
            return valid
        if warnings:
            for warning in warnings:
                self.add_error(
                    None, _("Quy định: %(w)s. Hãy sửa số cho khác nhau.") % {"w": warning}
                )
            return False
        return valid


class AmendForm(forms.Form):
    document = forms.ModelChoiceField(
        label=_("Văn bản được sửa đổi"),
        queryset=LegalDocument.objects.filter(versions__isnull=False).distinct(),
    )
    amending_document = forms.ModelChoiceField(
        label=_("Văn bản sửa đổi, bổ sung"), queryset=LegalDocument.objects.all()
    )
    effective_from = forms.DateField(
        label=_("Phiên bản mới có hiệu lực từ ngày"), widget=AdminDateInput()
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


def _first_words(text: str, words: int = 8) -> str:
    parts = " ".join((text or "").split()).split(" ")
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def provision_choices(provisions) -> list[tuple[str, str]]:
    """(path, label) for each unit of a version, in reading order: its citation
    ("Khoản 2 Điều 5"), indented by depth, and the first words of its title or text."""
    choices = []
    for p in provisions:
        if not p.path:
            continue
        name = upper_first(p.citation) if p.citation else p.label
        words = _first_words(p.title or p.text)
        indent = "\u00a0\u00a0" * p.depth
        choices.append((p.path, f"{indent}{name}" + (f" – {words}" if words else "")))
    return choices


class ChangeForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Thao tác"), choices=list(ACTIONS.items()), initial=REPLACE, required=False
    )
    level = forms.ChoiceField(
        label=_("Cấp (khi bổ sung)"),
        choices=[("", "—"), *ProvisionLevel.choices],
        required=False,
    )
    number = forms.CharField(label=_("Số mới"), max_length=20, required=False)
    title = forms.CharField(label=_("Tiêu đề mới"), max_length=500, required=False)
    text = forms.CharField(
        label=_("Nội dung mới"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        empty = _("— Chọn quy định —") if provisions else _("— Chọn văn bản được sửa đổi trước —")
        self.fields = {
            "path": forms.ChoiceField(
                label=_("Quy định được sửa đổi"),
                choices=[("", empty), *provisions],
                required=False,
                help_text=_(
                    "Trong phiên bản hiện hành. Với “Bổ sung theo số thứ tự”: quy định chứa "
                    "quy định mới (với điều mới: chọn một điều bất kỳ)."
                ),
                error_messages={
                    "invalid_choice": _(
                        "Quy định “%(value)s” không có trong phiên bản hiện hành của văn bản."
                    )
                },
            ),
            **self.fields,
        }

    def clean(self):
        data = super().clean()
        data["action"] = data.get("action") or REPLACE
        if not data.get("path"):
            return data
        action = data["action"]
        if action == INSERT_AFTER and not (data.get("number") or "").strip():
            self.add_error("number", _("Số mới: cần nhập số của quy định bổ sung (ví dụ 5a)."))
        if action == REPLACE and not any(data.get(k) for k in ("number", "title", "text")):
            self.add_error("text", _("Nội dung mới: cần nhập nội dung sửa đổi."))
        return data

    def to_change(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("path"):
            return None
        path = data["path"]
        if data["action"] == INSERT:  # the new unit's own path, under the chosen unit
            level = data.get("level") or ProvisionLevel.ARTICLE
            path = child_path(path, level, (data.get("number") or "").strip())
        change = {"path": path, "action": data["action"]}
        if data["action"] == REPEAL:
            return change
        for key in ("level", "number", "title", "text"):
            if data.get(key):
                change[key] = data[key]
        return change


ChangeFormSet = forms.formset_factory(ChangeForm, extra=0, min_num=1)
