"""The content of a procedure from a date: steps, methods, components, fees."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin

from regulations.documents.structure import anchor, citation

from ..services.legal_basis import check_provision, document_url
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

    def clean(self):
        super().clean()
        errors = {}
        if self.procedure_id and self.effective_from:
            others = ProcedureVersion.objects.filter(procedure_id=self.procedure_id).exclude(
                pk=self.pk
            )
            if others.filter(effective_from=self.effective_from).exists():
                errors["effective_from"] = _(
                    "Ngày áp dụng trùng: thủ tục đã có một phiên bản áp dụng từ ngày %(date)s."
                ) % {"date": f"{self.effective_from:%d/%m/%Y}"}
            elif (
                not self.decision_id
                and others.filter(effective_from__lt=self.effective_from).exists()
            ):
                errors["decision"] = _(
                    "Chưa chọn quyết định công bố/sửa đổi: phiên bản này không phải phiên bản "
                    "đầu tiên nên phải nêu quyết định đã thay đổi thủ tục."
                )
        if (
            self.decision_id
            and self.effective_from
            and self.decision.issued_date
            and self.effective_from < self.decision.issued_date
        ):
            errors.setdefault(
                "effective_from",
                _("Ngày áp dụng không thể trước ngày ban hành quyết định (%(date)s).")
                % {"date": f"{self.decision.issued_date:%d/%m/%Y}"},
            )
        if errors:
            raise ValidationError(errors)

    @property
    def previous(self):
        """The version this one replaced (phiên bản trước), or None."""
        return (
            ProcedureVersion.objects.filter(
                procedure_id=self.procedure_id, effective_from__lt=self.effective_from
            )
            .order_by("-effective_from")
            .first()
        )

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
            raise ValidationError(
                {"processing_days": _("Thời hạn giải quyết (ngày làm việc) phải lớn hơn 0.")}
            )
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

    def __str__(self):
        return self.name

    @property
    def quantity_label(self):
        return f"Bản chính: {self.originals} - Bản sao: {self.copies}"


class ProcedureLegalBasis(Orderable):
    """Căn cứ pháp lý: a document, optionally one provision of it."""

    version = ParentalKey(ProcedureVersion, on_delete=models.CASCADE, related_name="legal_basis")
    document = models.ForeignKey(
        "documents.LegalDocument", verbose_name=_("văn bản"), on_delete=models.PROTECT
    )
    provision_path = models.CharField(
        _("quy định"),
        max_length=255,
        blank=True,
        help_text=_(
            "Đường dẫn như dieu-5/khoan-2 hoặc trích dẫn như “khoản 2 Điều 5”; "
            "phải có trong phiên bản hiện hành của văn bản. Để trống nếu dẫn cả văn bản."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def __str__(self):
        return f"{self.citation_label}" if self.document_id else self.provision_path

    def clean(self):
        super().clean()
        if self.provision_path.strip():
            self.provision_path = check_provision(
                self.document if self.document_id else None, self.provision_path
            )
        else:
            self.provision_path = ""

    @property
    def provision_citation(self):
        """ "khoản 2 Điều 5" for the provision, or ""."""
        return citation(self.provision_path) if self.provision_path else ""

    @property
    def citation_label(self):
        """ "khoản 2 Điều 5 Luật số 103/2016/QH13" or the document's own citation."""
        name = self.document.citation_name
        return f"{self.provision_citation} {name}".strip()

    @property
    def url(self):
        """The document page, at the provision's anchor when there is one."""
        base = document_url(self.document)
        if base and self.provision_path:
            return f"{base}#{anchor(self.provision_path)}"
        return base
