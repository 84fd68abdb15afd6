"""Upload form of the admin import (nhập văn bản Word)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.snippets.widgets import AdminSnippetChooser

from regulations.documents.models import DocumentKind, LegalDocument

NEW_DOCUMENT = "van_ban_moi"
NEW_VERSION = "phien_ban_moi"


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
    mode = forms.ChoiceField(
        label=_("Nhập thành"),
        choices=[
            (NEW_DOCUMENT, _("Văn bản mới")),
            (NEW_VERSION, _("Phiên bản mới của văn bản đã có")),
        ],
        initial=NEW_DOCUMENT,
        required=False,
        widget=forms.RadioSelect,
    )
    as_version_of = forms.ModelChoiceField(
        label=_("Văn bản đã có"),
        queryset=LegalDocument.objects.all(),
        required=False,
        widget=AdminSnippetChooser(LegalDocument),
        help_text=_("Khi nhập thành phiên bản mới: văn bản được sửa đổi, hợp nhất."),
    )
    effective_from = forms.DateField(
        label=_("Phiên bản mới có hiệu lực từ ngày"),
        required=False,
        widget=AdminDateInput(),
        help_text=_("Để trống: lấy ngày có hiệu lực ghi trong tệp."),
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

    def clean(self):
        data = super().clean()
        if data.get("mode") == NEW_VERSION:
            if not data.get("as_version_of"):
                self.add_error(
                    "as_version_of", _("Chọn văn bản đã có để nhập tệp thành phiên bản mới.")
                )
        else:
            data["mode"] = NEW_DOCUMENT
            data["as_version_of"] = data["effective_from"] = None
        return data
