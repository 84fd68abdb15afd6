"""Thông báo: every e-mail notice the system sends, recorded once under a unique key."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import NotificationKind


class Notification(models.Model):
    """One notice to one person. `key` (kind, object, deadline, recipient) is unique,
    so a notice is never sent twice; recipients see theirs in the admin."""

    key = models.CharField(_("khóa"), max_length=200, unique=True)
    kind = models.CharField(_("loại"), max_length=30, choices=NotificationKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="planning_notifications",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    task = models.ForeignKey(
        "planning.PlanTask",
        verbose_name=_("nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    review = models.ForeignKey(
        "planning.ReviewRecord",
        verbose_name=_("phiếu rà soát"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    created_at = models.DateTimeField(_("thời điểm ghi nhận"), auto_now_add=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    error = models.TextField(_("lỗi gửi"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")

    def __str__(self):
        return self.subject
