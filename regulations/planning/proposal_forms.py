"""Forms of the review-proposal page: accept (plan, deadline) or dismiss (reason)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from .models import Plan


class AcceptProposalForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Kế hoạch"),
        queryset=Plan.objects.select_related("document").order_by("-document__issued_date"),
        error_messages={"required": _("Cần chọn kế hoạch để giao nhiệm vụ.")},
    )
    title = forms.CharField(label=_("Tên nhiệm vụ"), max_length=500)
    deadline = forms.DateField(
        label=_("Thời hạn hoàn thành"),
        widget=AdminDateInput,
        error_messages={
            "required": _("Cần nhập thời hạn hoàn thành."),
            "invalid": _("Thời hạn hoàn thành: nhập ngày dạng dd/mm/yyyy."),
        },
    )


class DismissProposalForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do không thực hiện"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Cần nêu lý do không thực hiện rà soát.")},
    )
