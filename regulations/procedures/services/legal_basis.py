"""Căn cứ pháp lý: checking that a procedure's legal basis names a real provision."""

import re

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.documents.structure import SLUG, ProvisionLevel, citation
from regulations.documents.visibility import is_public

# Words of a citation, longest first so "tiểu mục" wins over "mục".
_WORDS = [
    ("tiểu mục", ProvisionLevel.SUBSECTION),
    ("phần", ProvisionLevel.PART),
    ("chương", ProvisionLevel.CHAPTER),
    ("mục", ProvisionLevel.SECTION),
    ("điều", ProvisionLevel.ARTICLE),
    ("khoản", ProvisionLevel.CLAUSE),
    ("điểm", ProvisionLevel.POINT),
]
_CITATION_RE = re.compile(
    r"(tiểu mục|phần|chương|mục|điều|khoản|điểm)\s+([0-9a-zđ]+)", re.IGNORECASE
)
_PATH_RE = re.compile(r"^[a-z][a-z\-]*-[0-9a-zđ~]+(?:/[a-z][a-z\-]*-[0-9a-zđ~]+)*$")
# Above an Điều nothing belongs in the path: articles are numbered through the text.
_ABOVE_ARTICLE = {
    ProvisionLevel.PART,
    ProvisionLevel.CHAPTER,
    ProvisionLevel.SECTION,
    ProvisionLevel.SUBSECTION,
}


def normalise_provision_path(text: str) -> str:
    """ "dieu-5/khoan-2" stays; "điểm a khoản 2 Điều 5" → "dieu-5/khoan-2/diem-a".

    Returns "" when the text is neither a path nor a citation.
    """
    raw = (text or "").strip().strip("/")
    lowered = raw.lower()
    if _PATH_RE.match(lowered):
        return lowered
    pairs = _CITATION_RE.findall(raw)
    if not pairs:
        return ""
    words = dict(_WORDS)
    levels = [(words[word.lower()], number.lower()) for word, number in pairs]
    # Citations run from the smallest unit upward; paths run downward.
    levels.reverse()
    if any(level == ProvisionLevel.ARTICLE for level, _n in levels):
        levels = [(lv, n) for lv, n in levels if lv not in _ABOVE_ARTICLE]
    return "/".join(f"{SLUG[level]}-{number}" for level, number in levels)


def text_version(document, on=None):
    """The legal version in force on a date (today by default); if the text only takes
    effect later, its first version; None when the document has no text."""
    if document is None or document.pk is None:
        return None
    on = on or timezone.localdate()
    versions = document.versions.filter(is_draft=False)
    return (
        versions.filter(effective_from__lte=on).order_by("-effective_from").first()
        or versions.order_by("effective_from").first()
    )


def check_provision(document, text: str) -> str:
    """Return the normalised path of `text`, or raise a ValidationError naming the
    field when it is malformed or not in the document's current version."""
    path = normalise_provision_path(text)
    if not path:
        raise ValidationError(
            {
                "provision_path": _(
                    "Quy định “%(text)s” không đúng dạng: ghi như dieu-5/khoan-2 "
                    "hoặc “khoản 2 Điều 5”."
                )
                % {"text": text}
            }
        )
    if document is None:
        return path
    version = text_version(document)
    if version is None:
        raise ValidationError(
            {
                "provision_path": _(
                    "Văn bản %(doc)s chưa có nội dung theo điều, khoản nên không dẫn chiếu "
                    "được đến %(cite)s; để trống trường Quy định để dẫn cả văn bản."
                )
                % {"doc": document.citation_name, "cite": citation(path)}
            }
        )
    if not version.provisions.filter(path=path).exists():
        raise ValidationError(
            {
                "provision_path": _(
                    "Không có %(cite)s (%(path)s) trong phiên bản hiện hành của văn bản "
                    "%(doc)s (có hiệu lực từ ngày %(date)s)."
                )
                % {
                    "cite": citation(path),
                    "path": path,
                    "doc": document.citation_name,
                    "date": f"{version.effective_from:%d/%m/%Y}",
                }
            }
        )
    return path


def document_url(document) -> str:
    """The public page of a public document, or "" (not public, or library not
    installed)."""
    if not is_public(document):
        return ""
    try:
        return document.get_absolute_url()
    except NoReverseMatch:
        return ""
