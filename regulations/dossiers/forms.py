"""Forms: public lookup, letter confirmation, extension, CSV upload."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=50,
        help_text=_("In trên giấy tiếp nhận và hẹn trả kết quả."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone_last4 = forms.CharField(
        label=_("4 số cuối điện thoại người nộp"),
        min_length=4,
        max_length=4,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "pattern": "[0-9]{4}", "autocomplete": "off"}
        ),
    )

    def clean_code(self):
        return re.sub(r"\s+", "", self.cleaned_data["code"]).upper()

    def clean_phone_last4(self):
        value = self.cleaned_data["phone_last4"].strip()
        if not re.fullmatch(r"\d{4}", value):
            raise forms.ValidationError(_("Nhập đúng 4 chữ số."))
        return value


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LetterForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do chậm trả kết quả"), widget=forms.Textarea(attrs={"rows": 3})
    )
    new_appointment_date = forms.DateField(label=_("Ngày hẹn trả mới"), widget=DateInput())
    signer_name = forms.CharField(label=_("Người ký"), max_length=255)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=255)
    issued_on = forms.DateField(label=_("Ngày lập phiếu"), widget=DateInput())


class LetterReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Ý kiến (khi trả lại)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ExtensionForm(forms.Form):
    new_date = forms.DateField(label=_("Hạn giải quyết mới"), widget=DateInput())
    reason = forms.CharField(label=_("Lý do gia hạn"), widget=forms.Textarea(attrs={"rows": 3}))


class StatusForm(forms.Form):
    status = forms.TypedChoiceField(label=_("Trạng thái mới"), coerce=int)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)
    requested_papers = forms.CharField(
        label=_("Giấy tờ cần bổ sung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bắt buộc khi chuyển sang “Yêu cầu bổ sung giấy tờ”: mỗi dòng một giấy tờ; "
            "người nộp xem được trên trang tra cứu hồ sơ."
        ),
    )

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.code, str(s)) for s in statuses]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp CSV"),
        help_text=_("UTF-8 (có hoặc không có BOM), phân cách bằng “;” hoặc “,”."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv."))
        if upload.size > 50 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn 50 MB; hãy dùng lệnh import_dossiers."))
        return upload
