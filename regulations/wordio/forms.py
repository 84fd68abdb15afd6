"""Upload form of the admin import (nhập văn bản Word)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from regulations.documents.models import DocumentKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".docx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Tệp Word (.docx)"), help_text=_("Chọn một hoặc nhiều tệp .docx.")
    )
    kind = forms.ChoiceField(
        label=_("Nhóm văn bản"),
        choices=[("", _("Tự nhận biết"))] + list(DocumentKind.choices),
        required=False,
    )
    as_version_of = forms.CharField(
        label=_("Là phiên bản mới của văn bản số"),
        required=False,
        help_text=_("Ví dụ 80/2015/QH13. Để trống để tạo văn bản mới."),
    )
    dry_run = forms.BooleanField(label=_("Chỉ đọc thử, không lưu"), required=False)

    @property
    def max_size(self) -> int:
        return settings.DOCX_MAX_FILE_SIZE

    def clean_files(self):
        files = self.cleaned_data["files"]
        for uploaded in files:
            if uploaded.size > self.max_size:
                raise forms.ValidationError(
                    _("Tệp %(name)s quá lớn (giới hạn %(mb)s MB).")
                    % {"name": uploaded.name, "mb": self.max_size // (1024 * 1024)}
                )
        return files
