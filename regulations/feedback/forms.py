"""Gửi phản ánh, kiến nghị: the public form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regulations.organisation.models import Unit, UnitKind
from regulations.procedures.models import Procedure
from regulations.surveys.forms import HONEYPOT_FIELD, PublicProcedureField


class FeedbackForm(forms.Form):
    subject = forms.CharField(label=_("Tiêu đề"), max_length=255)
    message = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Nội dung chỉ cán bộ xử lý được xem; trang công khai chỉ hiện tiêu đề và câu trả lời."
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị liên quan"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— Không rõ, để Văn phòng Sở chuyển —"),
    )
    procedure = PublicProcedureField(
        label=_("Thủ tục liên quan (nếu có)"),
        queryset=Procedure.objects.none(),
        required=False,
        empty_label=_("— Không chọn —"),
    )
    name = forms.CharField(
        label=_("Họ và tên (không bắt buộc)"),
        max_length=200,
        required=False,
        help_text=_("Chỉ cán bộ xử lý được xem."),
    )
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử để nhận trả lời (không bắt buộc)"),
        max_length=200,
        required=False,
        help_text=_("Chỉ cán bộ xử lý được xem."),
    )
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.exclude(
            kind__in=[UnitKind.DEPARTMENT, UnitKind.LEADERSHIP]
        )
        self.fields["procedure"].queryset = Procedure.objects.filter(live=True).order_by("name")

    @property
    def is_spam(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())
