"""Rà soát: review records on documents, internal rules and procedures, with the
procedure simplification proposal (phương án đơn giản hóa) and its compliance cost."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TaskState,
    WorkflowMixin,
)
from wagtail.search import index

from regulations.documents.models import DocumentKind
from regulations.documents.structure import citation

from ..choices import Finding, Outcome, ReviewStatus, ReviewTargetKind
from .paths import provision_path_error


class ReviewPrinciple(models.Model):
    """Nguyên tắc rà soát (the plan's five principles): data, editable in the admin."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("nguyên tắc"), max_length=255)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("nguyên tắc rà soát")
        verbose_name_plural = _("nguyên tắc rà soát")

    def __str__(self):
        return self.name


class ReviewRecord(
    index.Indexed, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """Phiếu rà soát: what was reviewed (a document and optionally one provision, an
    internal rule or a procedure), against which principles and basis, what was found,
    and the proposed outcome. Approved through the workflow unit head → legal officer →
    leadership."""

    title = models.CharField(_("tên phiếu rà soát"), max_length=500)
    plan = models.ForeignKey(
        "planning.Plan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_records",
    )
    task = models.ForeignKey(
        "planning.PlanTask",
        verbose_name=_("thực hiện nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_records",
    )
    target_kind = models.CharField(
        _("đối tượng rà soát"), max_length=20, choices=ReviewTargetKind.choices
    )
    document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("văn bản được rà soát"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_records",
    )
    provision_path = models.CharField(
        _("quy định được rà soát"),
        max_length=255,
        blank=True,
        help_text=_("Để trống nếu rà soát toàn văn bản. Ví dụ: dieu-5/khoan-2."),
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục được rà soát"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_records",
    )
    principles = ParentalManyToManyField(
        ReviewPrinciple,
        verbose_name=_("nguyên tắc đã đáp ứng"),
        blank=True,
        related_name="review_records",
    )
    basis_documents = ParentalManyToManyField(
        "documents.LegalDocument",
        verbose_name=_("văn bản làm căn cứ rà soát"),
        blank=True,
        related_name="review_basis_for",
    )
    outcome = models.CharField(_("phương án xử lý"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("lý do"))
    responsible_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị chịu trách nhiệm"),
        on_delete=models.PROTECT,
        related_name="review_records",
    )
    deadline = models.DateField(_("thời hạn xử lý"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người rà soát"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_on = models.DateField(_("ngày rà soát"), default=timezone.localdate)
    draft_document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("dự thảo sửa đổi đã khởi tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The create form's hidden token: a double submit finds this record (review_admin).
    creation_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="review_record")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="review_record",
        for_concrete_model=False,
    )

    # The admin's search box and chooser (Wagtail's index, folded): the record and
    # the document it reviews.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("reason"),
        index.AutocompleteField("reason"),
        index.RelatedFields(
            "document",
            [index.AutocompleteField("number_symbol"), index.AutocompleteField("title")],
        ),
    ]

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = _("phiếu rà soát")
        verbose_name_plural = _("phiếu rà soát")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def target_label(self):
        if self.procedure_id:
            return str(self.procedure)
        if self.document_id:
            text = self.document.citation_name
            if self.provision_path:
                return f"{citation(self.provision_path)} {text}"
            return text
        return ""

    def clean(self):
        super().clean()
        errors = {}
        if self.target_kind == ReviewTargetKind.PROCEDURE:
            if not self.procedure_id:
                errors["procedure"] = _("Chọn thủ tục hành chính được rà soát.")
            if self.document_id:
                errors["document"] = _("Phiếu rà soát thủ tục không chọn văn bản.")
        elif self.target_kind:
            if not self.document_id:
                errors["document"] = _("Chọn văn bản được rà soát.")
            elif (
                self.target_kind == ReviewTargetKind.INTERNAL_RULE
                and self.document.kind != DocumentKind.INTERNAL_RULE
            ):
                errors["document"] = _("Văn bản được chọn không phải quy chế, quy định nội bộ.")
            if self.procedure_id:
                errors["procedure"] = _("Phiếu rà soát văn bản không chọn thủ tục.")
        if self.provision_path and not self.document_id:
            errors["provision_path"] = _("Chỉ nêu quy định khi rà soát một văn bản.")
        path_error = provision_path_error(self.document_id, self.provision_path)
        if path_error:
            errors["provision_path"] = path_error
        if self.deadline and self.reviewed_on and self.deadline < self.reviewed_on:
            errors["deadline"] = _("Thời hạn xử lý không thể trước ngày rà soát.")
        if errors:
            raise ValidationError(errors)

    @property
    def review_status(self):
        """Nháp / chờ duyệt / đã duyệt / bị trả lại, from the workflow states."""
        state = self.workflow_states.order_by("-created_at", "-pk").first()
        if state is None:
            return ReviewStatus.DRAFT
        if state.status == state.STATUS_IN_PROGRESS:
            return ReviewStatus.IN_REVIEW
        if state.status == state.STATUS_APPROVED:
            return ReviewStatus.APPROVED
        if state.status == state.STATUS_NEEDS_CHANGES:
            return ReviewStatus.REJECTED
        return ReviewStatus.DRAFT

    def get_review_status_display(self):
        return ReviewStatus(self.review_status).label

    @property
    def rejection_comment(self):
        """The comment of the last "request changes" (trả lại), carried back to the unit."""
        state = (
            TaskState.objects.filter(
                workflow_state__in=self.workflow_states.all(), status=TaskState.STATUS_REJECTED
            )
            .order_by("-finished_at")
            .first()
        )
        return state.comment if state else ""

    def status_label(self):
        return self.get_review_status_display()

    status_label.short_description = _("trạng thái duyệt")

    def next_step_link(self):
        if not self.can_start_new_version:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("planning_admin:start_version", args=[self.pk]),
            _("Khởi tạo phiên bản mới"),
        )

    next_step_link.short_description = _("bước tiếp theo")

    @property
    def can_start_new_version(self):
        return (
            self.outcome == Outcome.AMEND
            and self.document_id is not None
            and self.review_status == ReviewStatus.APPROVED
            and self.draft_document_id is None
        )


class ReviewFinding(Orderable):
    """Phát hiện: contradictory, overlapping, expired or no longer suitable."""

    record = ParentalKey(ReviewRecord, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("phát hiện"), max_length=20, choices=Finding.choices)
    provision_path = models.CharField(_("quy định"), max_length=255, blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")

    def __str__(self):
        return self.get_kind_display()


money = {"max_digits": 16, "decimal_places": 0, "default": 0, "validators": [MinValueValidator(0)]}
hours = {"max_digits": 8, "decimal_places": 2, "default": 0, "validators": [MinValueValidator(0)]}


class SimplificationProposal(Orderable):
    """Phương án đơn giản hóa thủ tục: before/after time, components, fees and the
    compliance cost (chi phí tuân thủ):
        cost = (hours × hourly income + outside-service cost + fees) × times a year × applicants
        saving = (before − after) / before
    """

    record = ParentalKey(ReviewRecord, on_delete=models.CASCADE, related_name="simplifications")
    simplified_part = models.CharField(_("bộ phận được đơn giản hóa"), max_length=255, blank=True)
    current_content = models.TextField(_("nội dung hiện hành"), blank=True)
    proposal = models.TextField(_("nội dung đề xuất"), blank=True)
    legal_text_to_amend = models.CharField(_("văn bản cần sửa đổi"), max_length=255, blank=True)
    timeline = models.CharField(_("lộ trình thực hiện"), max_length=255, blank=True)

    processing_days_before = models.DecimalField(
        _("thời hạn giải quyết trước (ngày)"), max_digits=6, decimal_places=1, default=0,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    processing_days_after = models.DecimalField(
        _("thời hạn giải quyết sau (ngày)"), max_digits=6, decimal_places=1, default=0,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    components_before = models.PositiveSmallIntegerField(_("số thành phần hồ sơ trước"), default=0)
    components_after = models.PositiveSmallIntegerField(_("số thành phần hồ sơ sau"), default=0)
    fee_before = models.DecimalField(_("phí, lệ phí trước (đồng)"), **money)
    fee_after = models.DecimalField(_("phí, lệ phí sau (đồng)"), **money)
    hours_before = models.DecimalField(_("số giờ thực hiện trước"), **hours)
    hours_after = models.DecimalField(_("số giờ thực hiện sau"), **hours)
    hourly_income = models.DecimalField(_("thu nhập bình quân một giờ (đồng)"), **money)
    outside_cost_before = models.DecimalField(_("chi phí thuê ngoài trước (đồng)"), **money)
    outside_cost_after = models.DecimalField(_("chi phí thuê ngoài sau (đồng)"), **money)
    times_per_year = models.PositiveIntegerField(_("số lần thực hiện mỗi năm"), default=1)
    applicants = models.PositiveIntegerField(_("số đối tượng thực hiện mỗi năm"), default=0)

    class Meta(Orderable.Meta):
        verbose_name = _("phương án đơn giản hóa")
        verbose_name_plural = _("phương án đơn giản hóa")

    def __str__(self):
        return self.simplified_part or str(_("Phương án đơn giản hóa"))

    def _cost(self, hours_, outside, fee):
        per_time = Decimal(hours_) * Decimal(self.hourly_income) + Decimal(outside) + Decimal(fee)
        return per_time * self.times_per_year * self.applicants

    @property
    def cost_before(self) -> Decimal:
        return self._cost(self.hours_before, self.outside_cost_before, self.fee_before)

    @property
    def cost_after(self) -> Decimal:
        return self._cost(self.hours_after, self.outside_cost_after, self.fee_after)

    @property
    def saving(self) -> Decimal:
        return self.cost_before - self.cost_after

    @property
    def saving_rate(self) -> float | None:
        """(before − after) / before, or None when there was no cost before."""
        before = self.cost_before
        return float(self.saving / before) if before else None

    @property
    def hours_saved_per_year(self) -> float:
        delta = Decimal(self.hours_before) - Decimal(self.hours_after)
        return float(delta * self.times_per_year * self.applicants)
