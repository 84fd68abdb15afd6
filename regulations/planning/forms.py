"""Admin forms: the task form (one lead unit rule), progress report, comment, filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from regulations.organisation.models import Unit

from .choices import TaskStatus
from .models import Plan


class PlanTaskForm(WagtailAdminModelForm):
    """Enforces the "one focal point" rule at the form: exactly one lead unit, which is
    not also a coordinating unit."""

    def clean(self):
        cleaned = super().clean()
        submitted = (
            [v for v in self.data.getlist(self.add_prefix("lead_unit")) if v]
            if hasattr(self.data, "getlist")
            else []
        )
        if len(submitted) > 1:
            self.add_error(
                "lead_unit",
                _("Mỗi nhiệm vụ phải có đúng một đơn vị chủ trì (đang chọn %(n)s).")
                % {"n": len(submitted)},
            )
        elif not cleaned.get("lead_unit") and "lead_unit" not in self.errors:
            self.add_error("lead_unit", _("Mỗi nhiệm vụ phải có đúng một đơn vị chủ trì."))
        lead = cleaned.get("lead_unit")
        coordinating = cleaned.get("coordinating_units") or []
        if lead and any(unit.pk == lead.pk for unit in coordinating):
            self.add_error(
                "coordinating_units",
                _("Đơn vị chủ trì “%(unit)s” không thể đồng thời là đơn vị phối hợp.")
                % {"unit": lead},
            )
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [d for d in data if d]
        return [data] if data else []


class ProgressReportForm(forms.Form):
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=AdminDateInput)
    percent = forms.IntegerField(
        label=_("Tỷ lệ hoàn thành (%)"),
        error_messages={"invalid": _("Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")},
    )
    content = forms.CharField(
        label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 4})
    )
    decrease_reason = forms.CharField(
        label=_("Lý do giảm tỷ lệ (nếu có)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = MultipleFileField(label=_("Tệp minh chứng"), required=False)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Nội dung góp ý"), widget=forms.Textarea(attrs={"rows": 3}))


class TrackingFilterForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Kế hoạch"),
        queryset=Plan.objects.select_related("document").order_by("-document__issued_date"),
        required=False,
        empty_label=None,  # a plan is always shown: the latest one unless chosen
    )
    period_start = forms.DateField(label=_("Hạn từ ngày"), required=False, widget=AdminDateInput)
    period_end = forms.DateField(label=_("đến ngày"), required=False, widget=AdminDateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc kỳ phải sau ngày bắt đầu."))
        return cleaned


class TaskListFilterForm(TrackingFilterForm):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị chủ trì"), queryset=Unit.objects.all(), required=False
    )
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ nhiệm vụ quá hạn"), required=False)
    completed_late = forms.BooleanField(label=_("Chỉ nhiệm vụ hoàn thành trễ hạn"), required=False)
    due_soon = forms.BooleanField(label=_("Chỉ nhiệm vụ sắp đến hạn"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Tất cả"))] + list(TaskStatus.choices)
