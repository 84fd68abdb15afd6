"""Kế hoạch: a document of kind "ke_hoach" with its basis documents, objectives and tasks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin

from regulations.documents.models import DocumentKind


class Plan(RevisionMixin, ClusterableModel):
    """Kế hoạch (e.g. 572/KH-STTTT): the plan document and what it sets out to do.

    The text and number live on the LegalDocument; a re-issue or amendment adds a
    PlanVersion naming the amending document, and the tasks keep their history.
    """

    document = models.OneToOneField(
        "documents.LegalDocument",
        verbose_name=_("văn bản kế hoạch"),
        on_delete=models.PROTECT,
        related_name="plan",
        limit_choices_to={"kind": DocumentKind.PLAN},
    )
    objectives = models.TextField(_("mục đích, yêu cầu"), blank=True)
    basis_documents = ParentalManyToManyField(
        "documents.LegalDocument",
        verbose_name=_("văn bản căn cứ"),
        blank=True,
        related_name="plans_based_on",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-document__issued_date"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        permissions = [("view_tracking", "Xem và xuất bảng theo dõi toàn Sở")]

    def __str__(self):
        return self.document.number_symbol or self.document.title

    @property
    def number_symbol(self):
        return self.document.number_symbol

    @property
    def issued_date(self):
        return self.document.issued_date

    def clean(self):
        super().clean()
        if self.document_id and self.document.kind != DocumentKind.PLAN:
            raise ValidationError({"document": _("Văn bản kế hoạch phải thuộc nhóm “Kế hoạch”.")})


class PlanVersion(Orderable):
    """Phiên bản kế hoạch: the original issue (no amending document) or a re-issue."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="versions")
    effective_from = models.DateField(_("áp dụng từ ngày"))
    amending_document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("văn bản sửa đổi, bổ sung"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amended_plan_versions",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("phiên bản kế hoạch")
        verbose_name_plural = _("phiên bản kế hoạch")

    def __str__(self):
        if self.amending_document_id:
            return f"{self.amending_document.number_symbol} ({self.effective_from:%d/%m/%Y})"
        return f"{_('Ban hành lần đầu')} ({self.effective_from:%d/%m/%Y})"
