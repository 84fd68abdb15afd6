"""Evidence files (tài liệu minh chứng) are hostile until checked: by size and by content
(magic bytes), never by the file name's extension."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# (name, magic prefix) — checked against the first bytes of the file.
SIGNATURES = [
    ("pdf", b"%PDF-"),
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("jpeg", b"\xff\xd8\xff"),
]
# ZIP-based office files, told apart by a member that only they have.
OFFICE_MEMBERS = [
    ("docx", "word/document.xml"),
    ("xlsx", "xl/workbook.xml"),
    ("pptx", "ppt/presentation.xml"),
]
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
EXTENSIONS = {
    "pdf": "pdf",
    "png": "png",
    "jpeg": "jpg",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    "ods": "ods",
}
ALLOWED_LABEL = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS"
MAX_ZIP_ENTRIES = 5000


def _zip_type(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if len(names) > MAX_ZIP_ENTRIES:
                return None
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
            if "[Content_Types].xml" in names:
                for kind, member in OFFICE_MEMBERS:
                    if member in names:
                        return kind
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def detect_type(uploaded) -> str | None:
    """The file's real type from its content, or None if not an allowed type."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    for kind, magic in SIGNATURES:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_type(uploaded)
        uploaded.seek(0)
        return kind
    return None


def validate_evidence(uploaded) -> str:
    """Check size and content; return the detected type or raise ValidationError."""
    name = getattr(uploaded, "name", "") or "tệp"
    limit = settings.EVIDENCE_MAX_FILE_SIZE
    size = getattr(uploaded, "size", None)
    if size is None:
        uploaded.seek(0, 2)
        size = uploaded.tell()
        uploaded.seek(0)
    if size > limit:
        raise ValidationError(
            _("Tệp minh chứng “%(name)s” quá lớn (%(size)s MB); tối đa %(limit)s MB.")
            % {
                "name": name,
                "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": f"{limit / 1024 / 1024:g}".replace(".", ","),
            },
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("Tệp minh chứng “%(name)s” rỗng.") % {"name": name}, code="empty")
    kind = detect_type(uploaded)
    if kind is None:
        raise ValidationError(
            _(
                "Tệp minh chứng “%(name)s” không thuộc loại được phép (%(allowed)s); "
                "loại tệp được kiểm tra theo nội dung, không theo phần mở rộng."
            )
            % {"name": name, "allowed": ALLOWED_LABEL},
            code="bad_type",
        )
    return kind
