"""Nhiệm vụ: a plan's task, with one lead unit, its targets, progress and comments."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from regulations.documents.models import DocumentKind

from ..choices import ReportingPeriod, TargetKind, TaskStatus
from .paths import provision_path_error

DUE_SOON_DAYS = 7
LATE_OVERDUE, LATE_COMPLETED = "qua_han", "hoan_thanh_tre_han"
LATENESS_LABELS = {LATE_OVERDUE: _("Quá hạn"), LATE_COMPLETED: _("Hoàn thành trễ hạn")}


class PlanTask(index.Indexed, LockableMixin, RevisionMixin, ClusterableModel):
    """Nhiệm vụ của kế hoạch: exactly one lead unit ("một đầu mối"), coordinating units,
    a deadline (or "thường xuyên" with a reporting period), targets and a status.

    "Quá hạn" and "hoàn thành trễ hạn" are never stored: they are derived from the
    deadline and completion date.
    Every change is a Wagtail revision (history, compare view, audit log).
    """

    plan = models.ForeignKey(
        "planning.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks"
    )
    plan_version = models.ForeignKey(
        "planning.PlanVersion",
        verbose_name=_("theo phiên bản kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subtasks",
    )
    number = models.CharField(_("số thứ tự"), max_length=20, blank=True, help_text="Ví dụ: 1.2")
    title = models.CharField(_("tên nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    lead_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị chủ trì"),
        on_delete=models.PROTECT,
        related_name="lead_tasks",
    )
    coordinating_units = ParentalManyToManyField(
        "organisation.Unit",
        verbose_name=_("đơn vị phối hợp"),
        blank=True,
        related_name="coordinating_tasks",
    )
    recurring = models.BooleanField(
        _("thường xuyên"), default=False, help_text=_("Nhiệm vụ thực hiện thường xuyên.")
    )
    deadline = models.DateField(_("thời hạn hoàn thành"), null=True, blank=True)
    reporting_period = models.CharField(
        _("kỳ báo cáo"), max_length=20, choices=ReportingPeriod.choices, blank=True
    )
    expected_output = models.TextField(_("sản phẩm dự kiến"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=TaskStatus.choices,
        default=TaskStatus.NOT_STARTED,
        db_index=True,
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The admin's search box and chooser (Wagtail's index, folded).
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("description"),
        index.AutocompleteField("description"),
    ]

    class Meta:
        ordering = ["plan", "number", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        permissions = [
            ("report_progress", "Báo cáo tiến độ nhiệm vụ"),
            ("comment_plantask", "Góp ý nhiệm vụ"),
        ]
        # Covers the tracking aggregations (planning/aggregations.py): the per-unit
        # counts read this index only, not the table rows with their long texts.
        indexes = [models.Index(fields=["plan", "lead_unit", "status", "deadline", "completed_on"])]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.recurring:
            if not self.reporting_period:
                errors["reporting_period"] = _("Nhiệm vụ thường xuyên phải có kỳ báo cáo.")
        elif not self.deadline:
            errors["deadline"] = _(
                "Cần nhập thời hạn hoàn thành, hoặc đánh dấu nhiệm vụ là thường xuyên."
            )
        plan_date = self.plan.issued_date if self.plan_id else None
        if self.deadline and plan_date and self.deadline < plan_date:
            errors["deadline"] = _(
                "Thời hạn hoàn thành (%(deadline)s) không thể trước ngày ban hành kế hoạch "
                "(%(plan_date)s)."
            ) % {
                "deadline": self.deadline.strftime("%d/%m/%Y"),
                "plan_date": plan_date.strftime("%d/%m/%Y"),
            }
        if self.status == TaskStatus.DONE and not self.completed_on:
            errors["completed_on"] = _("Nhiệm vụ đã hoàn thành phải có ngày hoàn thành.")
        if self.status != TaskStatus.DONE and self.completed_on:
            errors["completed_on"] = _(
                "Chỉ nhập ngày hoàn thành khi nhiệm vụ ở trạng thái “Hoàn thành”."
            )
        if self.completed_on and self.completed_on > timezone.localdate():
            errors["completed_on"] = _("Ngày hoàn thành không thể ở tương lai.")
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("Nhiệm vụ không thể thuộc chính nó.")
        if self.parent_id and self.plan_id and self.parent.plan_id != self.plan_id:
            errors["parent"] = _("Nhiệm vụ cha phải thuộc cùng kế hoạch.")
        if errors:
            raise ValidationError(errors)

    # Derived state -------------------------------------------------------------
    # Two different facts, never merged: "quá hạn" is an open task past its deadline
    # (still to be chased); "hoàn thành trễ hạn" is a task done after its deadline
    # (closed, but late).
    def is_overdue(self, today=None):
        """Quá hạn: not done and past the deadline."""
        if not self.deadline or self.completed_on is not None:
            return False
        today = today or timezone.localdate()
        return today > self.deadline

    def is_completed_late(self):
        """Hoàn thành trễ hạn: done after the deadline."""
        return bool(self.deadline and self.completed_on and self.completed_on > self.deadline)

    def is_due_soon(self, today=None):
        """Sắp đến hạn: not done, deadline within the next 7 days (today included)."""
        if not self.deadline or self.completed_on is not None:
            return False
        today = today or timezone.localdate()
        return today <= self.deadline <= today + timedelta(days=DUE_SOON_DAYS)

    @property
    def overdue(self):
        return self.is_overdue()

    @property
    def completed_late(self):
        return self.is_completed_late()

    def lateness(self, today=None):
        """LATE_OVERDUE, LATE_COMPLETED or "" (on time, or not yet due)."""
        if self.is_overdue(today):
            return LATE_OVERDUE
        if self.is_completed_late():
            return LATE_COMPLETED
        return ""

    def lateness_label(self, today=None):
        return LATENESS_LABELS.get(self.lateness(today), "")

    lateness_label.short_description = _("tình trạng thời hạn")

    @property
    def latest_report(self):
        return self.progress_reports.order_by("-reported_on", "-pk").first()

    @property
    def latest_percent(self):
        report = self.latest_report
        return report.percent if report else 0

    def deadline_label(self):
        if self.recurring:
            period = self.get_reporting_period_display()
            return f"Thường xuyên ({period.lower()})" if period else "Thường xuyên"
        return self.deadline.strftime("%d/%m/%Y") if self.deadline else ""

    deadline_label.short_description = _("thời hạn")

    @property
    def deadline_value(self):
        # Exports want a real date (sortable, formatted by the sheet); a recurring
        # task has no single deadline, so its label stays text.
        if self.deadline and not self.recurring:
            return self.deadline
        return self.deadline_label()


class PlanTaskTarget(Orderable):
    """Đối tượng của nhiệm vụ: a document (optionally one provision), a procedure or an
    internal rule the task concerns."""

    task = ParentalKey(PlanTask, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("loại đối tượng"), max_length=20, choices=TargetKind.choices)
    document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_task_targets",
    )
    provision_path = models.CharField(
        _("quy định"),
        max_length=255,
        blank=True,
        help_text=_("Đường dẫn quy định, ví dụ dieu-5/khoan-2 (khoản 2 Điều 5)."),
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_task_targets",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("đối tượng của nhiệm vụ")
        verbose_name_plural = _("đối tượng của nhiệm vụ")

    def __str__(self):
        if self.procedure_id:
            return str(self.procedure)
        if self.document_id:
            text = str(self.document)
            return f"{self.provision_path} – {text}" if self.provision_path else text
        return self.note

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == TargetKind.PROCEDURE:
            if not self.procedure_id:
                errors["procedure"] = _("Chọn thủ tục hành chính.")
            if self.document_id or self.provision_path:
                errors["document"] = _("Đối tượng là thủ tục thì không chọn văn bản.")
        elif self.kind in (TargetKind.DOCUMENT, TargetKind.INTERNAL_RULE):
            if not self.document_id:
                errors["document"] = _("Chọn văn bản.")
            elif (
                self.kind == TargetKind.INTERNAL_RULE
                and self.document.kind != DocumentKind.INTERNAL_RULE
            ):
                errors["document"] = _("Văn bản được chọn không phải quy chế, quy định nội bộ.")
            if self.procedure_id:
                errors["procedure"] = _("Đối tượng là văn bản thì không chọn thủ tục.")
        path_error = provision_path_error(self.document_id, self.provision_path)
        if path_error:
            errors["provision_path"] = path_error
        if errors:
            raise ValidationError(errors)


class ProgressReport(models.Model):
    """Báo cáo tiến độ: date, percent done, what was done, evidence files."""

    task = models.ForeignKey(
        PlanTask,
        verbose_name=_("nhiệm vụ"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    reported_on = models.DateField(_("ngày báo cáo"), default=timezone.localdate)
    percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hoàn thành (%)"),
        validators=[
            MinValueValidator(0, _("Tỷ lệ hoàn thành phải từ 0 đến 100%%.")),
            MaxValueValidator(100, _("Tỷ lệ hoàn thành phải từ 0 đến 100%%.")),
        ],
    )
    content = models.TextField(_("kết quả thực hiện"))
    decrease_reason = models.TextField(
        _("lý do giảm tỷ lệ"),
        blank=True,
        help_text=_("Bắt buộc khi tỷ lệ hoàn thành thấp hơn lần báo cáo trước."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người báo cáo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")

    def __str__(self):
        return f"{self.task} – {self.percent}% ({self.reported_on:%d/%m/%Y})"

    def previous(self):
        reports = ProgressReport.objects.filter(task_id=self.task_id)
        if self.pk:
            reports = reports.exclude(pk=self.pk)
        return reports.order_by("-reported_on", "-pk").first()

    def clean(self):
        super().clean()
        errors = {}
        if self.percent is None or not 0 <= self.percent <= 100:
            errors["percent"] = _("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
        elif self.task_id:
            previous = self.previous()
            if (
                previous
                and self.percent < previous.percent
                and not (self.decrease_reason or "").strip()
            ):
                errors["decrease_reason"] = _(
                    "Tỷ lệ hoàn thành giảm từ %(before)s%% xuống %(now)s%%: cần nêu lý do."
                ) % {"before": previous.percent, "now": self.percent}
        if self.task_id and self.reported_on:
            plan_date = self.task.plan.issued_date
            if plan_date and self.reported_on < plan_date:
                errors["reported_on"] = _("Ngày báo cáo không thể trước ngày ban hành kế hoạch.")
        if self.reported_on and self.reported_on > timezone.localdate():
            errors["reported_on"] = _("Ngày báo cáo không thể ở tương lai.")
        if errors:
            raise ValidationError(errors)


def evidence_upload_to(instance, filename):
    return f"planning/evidence/{timezone.now():%Y/%m}/{filename}"


class EvidenceFile(models.Model):
    """Tài liệu minh chứng attached to a progress report (checked by content on upload)."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="evidence_files"
    )
    file = models.FileField(_("tệp minh chứng"), upload_to=evidence_upload_to)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    detected_type = models.CharField(_("loại tệp"), max_length=20)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")

    def __str__(self):
        return self.original_name


class TaskComment(models.Model):
    """Ý kiến góp ý on a task (leadership comments on everything)."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("nội dung góp ý"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("góp ý")
        verbose_name_plural = _("góp ý")

    def __str__(self):
        return self.text[:60]
