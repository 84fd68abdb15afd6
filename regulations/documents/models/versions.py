"""Legal versions (văn bản hợp nhất theo thời điểm) and their provisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import LockableMixin, Orderable, RevisionMixin

from ..structure import ProvisionLevel, citation
from .document import LegalDocument


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
        if self.amending_document_id and self.amending_document_id == self.document_id:
            raise ValidationError(
                {"amending_document": _("Văn bản không thể tự sửa đổi chính nó.")}
            )
        if self.document_id and self.effective_from:
            clash = LegalVersion.objects.filter(
                document_id=self.document_id, effective_from=self.effective_from
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"effective_from": _("Văn bản đã có một phiên bản có hiệu lực từ ngày này.")}
                )


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

    def __str__(self):
        return self.label

    @property
    def citation(self):
        """ "điểm a khoản 2 Điều 5"."""
        return citation(self.path) if self.path else ""

    @property
    def label(self):
        """ "Điều 5. Phạm vi điều chỉnh" as a heading."""
        from ..structure import UNNUMBERED_LEVELS, WORD

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
