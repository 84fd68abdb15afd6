"""Legal versions (văn bản hợp nhất theo thời điểm) and their provisions."""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import LockableMixin, Orderable, RevisionMixin

from search.indexing import deferred
from search.signals import content_changed
from vietnamese.enumerations import ROMAN_NUMERAL

from ..structure import UNNUMBERED_LEVELS, WORD, ProvisionLevel, citation, place
from .document import LegalDocument

# Numbers each level accepts (inserted units: "5a", "1a", "a1"), with an example.
NUMBER_PATTERNS = {
    ProvisionLevel.PART: (re.compile(rf"^(?:{ROMAN_NUMERAL}|\d+)[a-z]?$", re.I), "I, II, 1"),
    ProvisionLevel.CHAPTER: (re.compile(rf"^(?:{ROMAN_NUMERAL}|\d+)[a-z]?$", re.I), "I, II, IIa"),
    ProvisionLevel.SECTION: (re.compile(r"^\d+[a-z]?$"), "1, 2, 2a"),
    ProvisionLevel.SUBSECTION: (re.compile(r"^\d+[a-z]?$"), "1, 2"),
    ProvisionLevel.HEADING: (re.compile(rf"^(?:{ROMAN_NUMERAL}|\d+)[a-z]?$", re.I), "I, II"),
    ProvisionLevel.ARTICLE: (re.compile(r"^\d+[a-zđ]?\d*$"), "5, 5a"),
    ProvisionLevel.CLAUSE: (re.compile(r"^\d+[a-zđ]?\d*$"), "1, 2, 1a"),
    ProvisionLevel.POINT: (re.compile(r"^[a-zđ]\d*$"), "a, b, đ, a1"),
}


class LegalVersion(LockableMixin, RevisionMixin, ClusterableModel):
    """A consolidated text of a document, in force from `effective_from` until the
    next version's date. The first version has no amending document.

    Edits to the text are Wagtail revisions of this object (editorial history);
    a new legal version is a new row (legal history).
    """

    document = models.ForeignKey(
        LegalDocument,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    effective_from = models.DateField(_("có hiệu lực từ ngày"))
    amending_document = models.ForeignKey(
        LegalDocument,
        verbose_name=_("văn bản sửa đổi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="produced_versions",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    is_draft = models.BooleanField(
        _("bản nháp chờ xác nhận"),
        default=False,
        help_text=_(
            "Phiên bản hợp nhất tự động từ văn bản sửa đổi, chưa được xác nhận: "
            "không hiển thị và không có hiệu lực cho đến khi xác nhận."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("document"),
        FieldPanel("effective_from"),
        FieldPanel("amending_document"),
        FieldPanel("note"),
        InlinePanel("provisions", label=_("quy định")),
    ]

    class Meta:
        ordering = ["document", "effective_from"]
        verbose_name = _("phiên bản pháp lý")
        verbose_name_plural = _("phiên bản pháp lý")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "effective_from"],
                name="one_version_per_date",
                violation_error_message=_("Văn bản đã có một phiên bản có hiệu lực từ ngày này."),
            )
        ]

    def __str__(self):
        return f"{self.document} – {_('từ')} {self.effective_from:%d/%m/%Y}"

    def clean(self):
        super().clean()
        errors = {}
        if self.amending_document_id and self.amending_document_id == self.document_id:
            errors["amending_document"] = _("Văn bản không thể tự sửa đổi chính nó.")
        if self.document_id and self.effective_from:
            clash = LegalVersion.objects.filter(
                document_id=self.document_id, effective_from=self.effective_from
            ).exclude(pk=self.pk)
            if clash.exists():
                errors["effective_from"] = _(
                    "Có hiệu lực từ ngày: văn bản đã có một phiên bản có hiệu lực từ ngày này."
                )
            start = self.document.effective_date or self.document.issued_date
            if start and self.effective_from < start:
                errors["effective_from"] = _(
                    "Có hiệu lực từ ngày: phiên bản không thể có hiệu lực trước khi văn bản có "
                    "hiệu lực (%(date)s)."
                ) % {"date": start.strftime("%d/%m/%Y")}
            if self.amending_document_id:
                issued = self.amending_document.issued_date
                if issued and self.effective_from < issued:
                    errors["effective_from"] = _(
                        "Có hiệu lực từ ngày: phiên bản không thể có hiệu lực trước ngày ban hành "
                        "văn bản sửa đổi (%(date)s)."
                    ) % {"date": issued.strftime("%d/%m/%Y")}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, recompute_paths=True, **kwargs):
        """Save, then recompute every provision's path, depth and order (the admin
        may have reordered provisions or inserted "Điều 5a")."""
        # The provisions (child objects) are saved one by one here; index once at the end.
        with deferred():
            super().save(*args, **kwargs)
            if recompute_paths:
                self.recompute_paths()
            text_changed(self)

    def recompute_paths(self) -> list[str]:
        provisions = list(Provision.objects.filter(version=self).order_by("sort_order", "pk"))
        placed, warnings = place([(p.level, p.number) for p in provisions])
        changed = []
        for order, (prov, where) in enumerate(zip(provisions, placed, strict=True)):
            if (prov.path, prov.depth, prov.sort_order) != (where.path, where.depth, order):
                prov.path, prov.depth, prov.sort_order = where.path, where.depth, order
                changed.append(prov)
        if changed:
            Provision.objects.bulk_update(changed, ["path", "depth", "sort_order"], batch_size=500)
        return warnings


def text_changed(version: LegalVersion):
    """Tell the search index that a version's provisions changed."""
    content_changed.send(sender=LegalVersion, instance=version)


def has_text(document_id) -> bool:
    """Whether the document has a text (at least one legal version)."""
    return LegalVersion.objects.filter(document_id=document_id).exists()


def provision_exists(document_id, path: str) -> bool:
    """Whether `path` names a provision in any version of the document."""
    return Provision.objects.filter(version__document_id=document_id, path=path).exists()


def provision_urls(document_slug: str):
    """path → URL of that provision's page, for many provisions of one document:
    reverse() runs once, not once per provision."""
    url = reverse("documents:provision", kwargs={"slug": document_slug, "provision_path": "_"})
    prefix, _sentinel, suffix = url.rpartition("_")
    return lambda path: f"{prefix}{quote(path, safe=URL_PATH_SAFE)}{suffix}"


URL_PATH_SAFE = "/~:@!$&'()*+,;="  # what django.urls.reverse leaves unquoted in a path


class Provision(Orderable):
    """Quy định: one unit of the text (Chương, Điều, Khoản, Điểm…), in reading order.

    `path` is the stable anchor ("dieu-5/khoan-2/diem-a"), computed from the
    sequence by structure.place() whenever the version is saved.
    """

    version = ParentalKey(LegalVersion, on_delete=models.CASCADE, related_name="provisions")
    level = models.CharField(_("cấp"), max_length=10, choices=ProvisionLevel.choices)
    number = models.CharField(
        _("số"), max_length=20, blank=True, help_text=_("Ví dụ: 5, 5a, I, a, đ")
    )
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    path = models.CharField(_("đường dẫn"), max_length=255, blank=True, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0)
    changed_by = models.ForeignKey(
        LegalDocument,
        verbose_name=_("được sửa đổi bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changed_provisions",
    )

    panels = [
        FieldPanel("level"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("changed_by"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quy định")
        verbose_name_plural = _("quy định")

    def clean(self):
        super().clean()
        level = ProvisionLevel(self.level) if self.level in ProvisionLevel.values else None
        if level is None:
            return
        self.number = (self.number or "").strip().rstrip(".)")
        pattern = NUMBER_PATTERNS.get(level)
        if pattern is None:
            return
        if not self.number:
            raise ValidationError(
                {"number": _("Số: cần nhập số của %(level)s.") % {"level": level.label}}
            )
        if not pattern[0].match(self.number):
            raise ValidationError(
                {
                    "number": _("Số: “%(number)s” không hợp lệ cho %(level)s; ví dụ: %(example)s.")
                    % {"number": self.number, "level": level.label, "example": pattern[1]}
                }
            )

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse(
            "documents:provision",
            kwargs={"slug": self.version.document.slug, "provision_path": self.path},
        )

    @property
    def citation(self):
        """ "điểm a khoản 2 Điều 5"."""
        return citation(self.path) if self.path else ""

    @property
    def label(self):
        """ "Điều 5. Phạm vi điều chỉnh" as a heading."""
        level = ProvisionLevel(self.level)
        if level in UNNUMBERED_LEVELS:
            return self.title or str(WORD[level]).capitalize()
        if level == ProvisionLevel.CLAUSE:
            head = f"{self.number}."
        elif level == ProvisionLevel.POINT:
            head = f"{self.number})"
        elif level == ProvisionLevel.HEADING:
            head = f"{self.number}."
        else:
            head = f"{WORD[level]} {self.number}"
            head = f"{head}." if level == ProvisionLevel.ARTICLE and self.title else head
        return f"{head} {self.title}".strip()
