"""Phản ánh, kiến nghị ("Khách phàn nàn, phải lắng nghe").

A message goes to the unit concerned, which must answer by a deadline (hạn trả lời);
"quá hạn" is derived, never stored. Name and contact are for staff only; the public
list shows the subject, the unit, the dates, the status and the answer.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class FeedbackStatus(models.TextChoices):
    NEW = "moi", _("Mới tiếp nhận")
    IN_PROGRESS = "dang_xu_ly", _("Đang xử lý")
    ANSWERED = "da_tra_loi", _("Đã trả lời")


OVERDUE = "qua_han"
OVERDUE_LABEL = _("Quá hạn")


class FeedbackQuerySet(models.QuerySet):
    def answered(self):
        return self.filter(status=FeedbackStatus.ANSWERED)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(status=FeedbackStatus.ANSWERED).filter(deadline__lt=today)

    def public(self):
        # Published only once answered and reviewed: the subject a citizen typed may
        # carry personal data until staff have read it.
        return self.filter(published=True, status=FeedbackStatus.ANSWERED)


class Feedback(index.Indexed, models.Model):
    """Phản ánh, kiến nghị của người dân, doanh nghiệp."""

    reference = models.CharField(_("số phản ánh"), max_length=20, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    name = models.CharField(_("họ và tên (chỉ cán bộ xem)"), max_length=200, blank=True)
    contact = models.CharField(
        _("điện thoại hoặc thư điện tử (chỉ cán bộ xem)"), max_length=200, blank=True
    )
    subject = models.CharField(_("tiêu đề"), max_length=255)
    message = models.TextField(_("nội dung phản ánh (chỉ cán bộ xem)"))
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục liên quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    deadline = models.DateField(_("hạn trả lời"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    answer = models.TextField(_("nội dung trả lời (công khai)"), blank=True)
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notified_at = models.DateTimeField(_("đã gửi cho đơn vị lúc"), null=True, blank=True)
    published = models.BooleanField(
        _("công khai"),
        default=False,
        help_text=_(
            "Chọn sau khi đã trả lời và kiểm tra tiêu đề không có thông tin cá nhân; "
            "chỉ phản ánh đã trả lời mới hiện trên trang công khai."
        ),
    )

    objects = FeedbackQuerySet.as_manager()
    # The admin's search box and chooser (Wagtail's index, folded).
    search_fields = [
        index.SearchField("reference", boost=5),
        index.AutocompleteField("reference"),
        index.SearchField("subject", boost=3),
        index.AutocompleteField("subject"),
        index.SearchField("message"),
        index.AutocompleteField("message"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        permissions = [
            ("answer_all_feedback", _("Trả lời phản ánh của mọi đơn vị")),
        ]

    def __str__(self):
        return f"{self.reference} – {self.subject}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._next_reference()
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        if self.status == FeedbackStatus.ANSWERED:
            return bool(self.answered_at and timezone.localdate(self.answered_at) > self.deadline)
        return timezone.localdate() > self.deadline

    @property
    def display_status(self) -> str:
        """Mới, đang xử lý, đã trả lời, or quá hạn (unanswered past the deadline)."""
        if self.status != FeedbackStatus.ANSWERED and self.is_overdue:
            return OVERDUE
        return self.status

    @property
    def display_status_label(self):
        code = self.display_status
        return OVERDUE_LABEL if code == OVERDUE else FeedbackStatus(code).label

    def _next_reference(self) -> str:
        year = timezone.localtime(self.submitted_at).year
        prefix = f"PA-{year}-"
        last = (
            Feedback.objects.filter(reference__startswith=prefix)
            .order_by("-reference")
            .values_list("reference", flat=True)
            .first()
        )
        number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{number:04d}"
