"""The content of a procedure from a date: steps, methods, components, fees."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin

from .procedure import Procedure


class ProcedureVersion(RevisionMixin, ClusterableModel):
    """A procedure as in force from `effective_from`; a simplification adds a new one,
    naming the decision that changed it, so the before and after both stay."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="versions"
    )
    effective_from = models.DateField(_("áp dụng từ ngày"))
    decision = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("quyết định công bố/sửa đổi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedure_versions",
    )
    change_summary = models.TextField(_("nội dung thay đổi"), blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    implementing_agency = models.CharField(_("cơ quan thực hiện"), max_length=255, blank=True)
    competent_agency = models.CharField(_("cơ quan có thẩm quyền"), max_length=255, blank=True)
    coordinating_agency = models.CharField(_("cơ quan phối hợp"), max_length=255, blank=True)
    submission_place = models.TextField(_("địa chỉ tiếp nhận hồ sơ"), blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)

    class Meta:
        ordering = ["procedure", "effective_from"]
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "effective_from"],
                name="one_procedure_version_per_date",
                violation_error_message=_("Thủ tục đã có một phiên bản áp dụng từ ngày này."),
            )
        ]

    def __str__(self):
        return f"{self.procedure.code} – {_('từ')} {self.effective_from:%d/%m/%Y}"

    def method(self, kind):
        return self.methods.filter(kind=kind).first()

    @property
    def shortest_processing_days(self):
        days = [m.processing_days for m in self.methods.all()]
        return min(days) if days else None


class ProcedureStep(Orderable):
    """Trình tự thực hiện: Bước 1…n."""

    version = ParentalKey(ProcedureVersion, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("bước"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("bước thực hiện")
        verbose_name_plural = _("trình tự thực hiện")


class MethodKind(models.TextChoices):
    IN_PERSON = "truc_tiep", _("Trực tiếp")
    ONLINE = "truc_tuyen", _("Trực tuyến")
    POST = "buu_chinh", _("Dịch vụ bưu chính")


class ProcedureMethod(Orderable):
    """Cách thức thực hiện, each with its own processing time and fees."""

    version = ParentalKey(ProcedureVersion, on_delete=models.CASCADE, related_name="methods")
    kind = models.CharField(_("cách thức"), max_length=20, choices=MethodKind.choices)
    processing_days = models.DecimalField(
        _("thời hạn giải quyết (ngày làm việc)"), max_digits=5, decimal_places=1
    )
    processing_note = models.CharField(_("ghi chú thời hạn"), max_length=255, blank=True)
    fee = models.DecimalField(_("phí, lệ phí (đồng)"), max_digits=14, decimal_places=0, default=0)
    fee_description = models.TextField(_("mô tả phí, lệ phí"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("cách thức thực hiện")
        verbose_name_plural = _("cách thức thực hiện")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.processing_days} ngày"

    def clean(self):
        super().clean()
        if self.processing_days is not None and self.processing_days <= 0:
            raise ValidationError({"processing_days": _("Thời hạn giải quyết phải lớn hơn 0.")})
        if self.fee is not None and self.fee < 0:
            raise ValidationError({"fee": _("Phí, lệ phí không thể âm.")})


class DossierComponent(Orderable):
    """Thành phần hồ sơ: a paper to submit, with quantities and a form template."""

    version = ParentalKey(ProcedureVersion, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    originals = models.PositiveSmallIntegerField(_("bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("bản sao"), default=0)
    form_template = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("mẫu đơn, tờ khai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    @property
    def quantity_label(self):
        return f"Bản chính: {self.originals} - Bản sao: {self.copies}"


class ProcedureLegalBasis(Orderable):
    """Căn cứ pháp lý: a document, optionally one provision of it."""

    version = ParentalKey(ProcedureVersion, on_delete=models.CASCADE, related_name="legal_basis")
    document = models.ForeignKey(
        "documents.LegalDocument", verbose_name=_("văn bản"), on_delete=models.PROTECT
    )
    provision_path = models.CharField(_("quy định"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
