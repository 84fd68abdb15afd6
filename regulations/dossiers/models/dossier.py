"""Hồ sơ: one application received at the one-stop counter."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from regulations.calendar.services import WorkCalendar
from regulations.procedures.models import MethodKind

# The package, not its names: lateness imports models.status, so it may still be
# loading when this module is (its functions are looked up when called).
from .. import lateness
from ..permissions import dossier_scope
from .status import RECEIVED, DossierStatus


class DossierQuerySet(models.QuerySet):
    def late(self, today=None):
        return self.filter(lateness.late_q(today))

    def not_late(self, today=None):
        return self.exclude(lateness.late_q(today))

    def needing_letter(self, today=None):
        return self.filter(lateness.needs_letter_q(today))

    def visible_to(self, user):
        return dossier_scope(user, self)


class Dossier(index.Indexed, models.Model):
    """Hồ sơ một cửa. `due_date` is the deadline lateness is measured against;
    `appointment_date` is the date promised to the applicant (moved by apology letters)."""

    code = models.CharField(
        _("mã hồ sơ"),
        max_length=50,
        unique=True,
        help_text=_("Để trống khi tiếp nhận: hệ thống tự cấp mã theo mẫu của cơ quan."),
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    method_kind = models.CharField(
        _("cách thức nộp"), max_length=20, choices=MethodKind.choices, default=MethodKind.IN_PERSON
    )
    applicant_name = models.CharField(_("người nộp hồ sơ"), max_length=255)
    applicant_phone = models.CharField(_("số điện thoại"), max_length=30, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), default=timezone.now)
    due_date = models.DateField(
        _("hạn giải quyết"),
        help_text=_("Tính từ thời hạn giải quyết của thủ tục; chỉ thay đổi khi gia hạn có lý do."),
    )
    appointment_date = models.DateField(
        _("ngày hẹn trả"), help_text=_("Ngày hẹn với người nộp; phiếu xin lỗi hẹn lại ngày này.")
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị giải quyết"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.ForeignKey(
        DossierStatus,
        verbose_name=_("trạng thái"),
        on_delete=models.PROTECT,
        default=RECEIVED,
        related_name="+",
    )
    requested_papers = models.TextField(
        _("giấy tờ cần bổ sung"),
        blank=True,
        help_text=_(
            "Khi yêu cầu bổ sung: ghi từng giấy tờ người nộp cần bổ sung, mỗi dòng một giấy tờ "
            "(hiện trên trang tra cứu hồ sơ)."
        ),
    )
    finished_at = models.DateTimeField(_("ngày có kết quả"), null=True, blank=True)
    returned_at = models.DateTimeField(_("ngày trả kết quả"), null=True, blank=True)
    # Denormalised on save (lateness.py), for fast reports.
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, editable=False)
    completed_delay_days = models.IntegerField(_("số ngày trễ"), null=True, editable=False)
    letters_count = models.PositiveSmallIntegerField(
        _("số phiếu xin lỗi"), default=0, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DossierQuerySet.as_manager()
    # The admin's search box (Wagtail's index, folded): code and applicant, no contact data.
    search_fields = [
        index.SearchField("code", boost=5),
        index.AutocompleteField("code"),
        index.SearchField("applicant_name"),
        index.AutocompleteField("applicant_name"),
    ]
    # Dossiers reference only catalogue rows; Wagtail's usage index gains nothing from them.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ một cửa")
        indexes = [
            # Covers the late-dossier report: SQLite/PostgreSQL read the index, not the rows
            # (appointment_date: "needs a letter" is judged on the current appointment).
            models.Index(
                fields=[
                    "unit",
                    "received_at",
                    "due_date",
                    "appointment_date",
                    "completed_on",
                    "status",
                    "letters_count",
                    "completed_delay_days",
                ],
                name="dossier_report_cover2",
            ),
            models.Index(fields=["due_date"], name="dossier_due"),
            models.Index(fields=["completed_on"], name="dossier_completed"),
            models.Index(fields=["received_at"], name="dossier_received"),
        ]
        permissions = [
            ("view_dossier_report", _("Xem báo cáo hồ sơ quá hạn")),
            ("import_dossiers", _("Nhập hồ sơ từ tệp CSV")),
            ("view_personal_data", _("Xem thông tin cá nhân người nộp")),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        self.validate_dates()
        self.derive()
        super().save(*args, **kwargs)

    def validate_dates(self):
        """Dates out of order are an error (nothing is saved)."""
        errors = {}
        if self.received_at and self.finished_at and self.finished_at < self.received_at:
            errors["finished_at"] = _("Ngày có kết quả không thể trước ngày tiếp nhận.")
        if self.received_at and self.returned_at and self.returned_at < self.received_at:
            errors["returned_at"] = _("Ngày trả kết quả không thể trước ngày tiếp nhận.")
        if (
            self.finished_at
            and self.returned_at
            and self.returned_at < self.finished_at
            and "returned_at" not in errors
        ):
            errors["returned_at"] = _("Ngày trả kết quả không thể trước ngày có kết quả.")
        received_on = self.received_at and timezone.localtime(self.received_at).date()
        if received_on and self.due_date and self.due_date < received_on:
            errors["due_date"] = _("Hạn giải quyết không thể trước ngày tiếp nhận.")
        if self.due_date and self.appointment_date and self.appointment_date < self.due_date:
            errors["appointment_date"] = _("Ngày hẹn trả không thể trước hạn giải quyết.")
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        self.validate_dates()

    def derive(self):
        self.completed_on = lateness.completion_date(self.finished_at, self.returned_at)
        if self.completed_on is None or self.due_date is None:
            self.completed_delay_days = None
        else:
            days = WorkCalendar().working_days_between(self.due_date, self.completed_on)
            self.completed_delay_days = max(days, 0)

    # Derived views (lateness.py is the rule)
    @property
    def stage(self):
        return self.status.stage if self.status_id else None

    def is_late(self, today=None):
        return lateness.is_late(self.due_date, self.completed_on, self.stage, today)

    is_late.boolean = True
    is_late.short_description = _("quá hạn")

    @property
    def late_now(self):
        return self.is_late()

    def needs_letter(self, today=None):
        return lateness.misses_appointment(
            self.appointment_date, self.completed_on, self.stage, today
        )

    def delay_days(self, today=None, calendar=None):
        return lateness.delay_days(self.due_date, self.completed_on, self.stage, today, calendar)

    @property
    def papers_list(self) -> list[str]:
        return [line.strip(" -–•\t") for line in self.requested_papers.splitlines() if line.strip()]

    @property
    def phone_digits(self):
        return re.sub(r"\D", "", self.applicant_phone or "")


class DossierCodeSequence(models.Model):
    """The last number given per code prefix and year ("000.00.26.H29-17" → 42)."""

    key = models.CharField(primary_key=True, max_length=40)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ mã hồ sơ")
        verbose_name_plural = _("sổ mã hồ sơ")


class DossierStatusChange(models.Model):
    """Lịch sử trạng thái: who moved the dossier from which status to which, when."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.ForeignKey(
        DossierStatus,
        verbose_name=_("từ trạng thái"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_status = models.ForeignKey(
        DossierStatus, verbose_name=_("sang trạng thái"), on_delete=models.PROTECT, related_name="+"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("thay đổi trạng thái hồ sơ")
        verbose_name_plural = _("lịch sử trạng thái hồ sơ")


class AppointmentKind(models.TextChoices):
    EXTENSION = "gia_han", _("Gia hạn (có lý do)")
    APOLOGY = "hen_lai", _("Hẹn lại theo phiếu xin lỗi")
    PAUSE = "tam_dung", _("Cộng thời gian chờ bổ sung giấy tờ")


class AppointmentChange(models.Model):
    """Lịch sử ngày hẹn: every move of the due date or appointment date, with the reason."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="appointment_changes"
    )
    kind = models.CharField(_("loại"), max_length=10, choices=AppointmentKind.choices)
    old_date = models.DateField(_("ngày hẹn cũ"))
    new_date = models.DateField(_("ngày hẹn mới"))
    reason = models.TextField(_("lý do"))
    letter = models.ForeignKey(
        "dossiers.ApologyLetter",
        verbose_name=_("phiếu xin lỗi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("thay đổi ngày hẹn")
        verbose_name_plural = _("lịch sử ngày hẹn")
