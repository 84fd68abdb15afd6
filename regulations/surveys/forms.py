"""Phiếu khảo sát công khai: one radio group per criterion, grouped by factor."""

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regulations.organisation.models import Unit, UnitKind
from regulations.procedures.models import Procedure

from .models import SurveyMethod
from .services.submission import active_criteria

CRITERION_FIELD_RE = re.compile(r"^tieu_chi_(.+)$")
HONEYPOT_FIELD = "website"


def criterion_field_name(criterion_id) -> str:
    return f"tieu_chi_{criterion_id}"


class PublicProcedureField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SurveyForm(forms.Form):
    dossier_code = forms.CharField(
        label=gettext_lazy("Mã hồ sơ (nếu có)"),
        required=False,
        max_length=50,
        help_text=gettext_lazy("Ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."),
    )
    procedure = PublicProcedureField(
        label=gettext_lazy("Thủ tục đã thực hiện (nếu có)"),
        queryset=Procedure.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Không chọn —"),
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị đã giải quyết (nếu không chọn thủ tục)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Không chọn —"),
    )
    comments = forms.CharField(
        label=gettext_lazy("Góp ý thêm"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # Honeypot: hidden from people (and from assistive technology); robots fill it.
    website = forms.CharField(label=gettext_lazy("Để trống ô này"), required=False)

    def __init__(self, *args, method: SurveyMethod, **kwargs):
        super().__init__(*args, **kwargs)
        self.method = method
        self.fields["procedure"].queryset = Procedure.objects.filter(live=True).order_by("name")
        self.fields["unit"].queryset = Unit.objects.exclude(
            kind__in=[UnitKind.DEPARTMENT, UnitKind.LEADERSHIP]
        )
        self.criteria = active_criteria(method)
        choices = [(value, label) for value, label in sorted(method.scale_values().items())][::-1]
        self.groups = []
        by_factor: dict = {}
        for criterion in sorted(
            self.criteria.values(),
            key=lambda c: (c.factor.sort_order, c.factor_id, c.sort_order or 0, c.pk),
        ):
            name = criterion_field_name(criterion.pk)
            self.fields[name] = forms.TypedChoiceField(
                label=criterion.text,
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _(
                        "Câu trả lời cho tiêu chí “%(criterion)s” phải là một mức từ 1 đến 5."
                    )
                    % {"criterion": criterion.text}
                },
            )
            by_factor.setdefault(criterion.factor, []).append(name)
        for factor, names in by_factor.items():
            self.groups.append((factor, names))

    def criterion_groups(self):
        """[(factor, [bound field, …]), …] for the template."""
        return [(factor, [self[name] for name in names]) for factor, names in self.groups]

    @property
    def is_spam(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    def clean(self):
        cleaned = super().clean()
        unknown = [
            key
            for key in self.data
            if CRITERION_FIELD_RE.match(key) and key not in self.fields and self.data.get(key)
        ]
        if unknown:
            raise forms.ValidationError(
                _(
                    "Phiếu có câu trả lời cho tiêu chí không có hoặc không còn được hỏi "
                    "(%(keys)s); xin tải lại trang và trả lời lại."
                )
                % {"keys": ", ".join(sorted(unknown))}
            )
        return cleaned

    def answers(self) -> dict[int, int]:
        return {
            criterion_id: self.cleaned_data[criterion_field_name(criterion_id)]
            for criterion_id in self.criteria
            if self.cleaned_data.get(criterion_field_name(criterion_id)) not in (None, "")
        }
