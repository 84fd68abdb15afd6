"""Phiếu xin lỗi và hẹn lại ngày trả kết quả (apology letter for a late result)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def letter_symbol():
    return getattr(settings, "DOSSIER_LETTER_SYMBOL", "PXL-STTTT")


class LetterState(models.TextChoices):
    """Officer drafts → leadership signs (then it is numbered and sent) or returns it."""

    DRAFT = "du_thao", _("Dự thảo")
    AWAITING = "cho_ky", _("Chờ lãnh đạo ký")
    SIGNED = "da_ky", _("Đã ký, đã gửi")


class ApologyLetter(models.Model):
    """A letter drafted by the one-stop officer and signed by the leadership. Once signed it
    is numbered per year and never edited afterwards (a new miss → a new one)."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=LetterState.choices, default=LetterState.SIGNED
    )
    symbol = models.CharField(_("ký hiệu"), max_length=40, default=letter_symbol)
    issued_on = models.DateField(_("ngày ban hành"))
    reason = models.TextField(_("lý do chậm trả kết quả"))
    original_appointment_date = models.DateField(_("ngày hẹn trả trước đó"))
    new_appointment_date = models.DateField(_("ngày hẹn trả mới"))
    # The addressee as written on the letter (kept even if the dossier is corrected later).
    addressee_name = models.CharField(_("người nhận"), max_length=255)
    addressee_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    addressee_phone = models.CharField(_("số điện thoại"), max_length=30, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=255)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm lập"), default=timezone.now)
    submitted_at = models.DateTimeField(_("thời điểm trình ký"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo ký"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    return_note = models.CharField(_("ý kiến trả lại"), max_length=500, blank=True)

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("phiếu xin lỗi")
        verbose_name_plural = _("phiếu xin lỗi và hẹn lại")
        permissions = [("sign_apologyletter", _("Ký duyệt phiếu xin lỗi (lãnh đạo)"))]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="one_letter_number_per_year")
        ]

    def __str__(self):
        return self.number_symbol

    @property
    def number_symbol(self):
        if self.number is None:
            return f"…/{self.symbol}"
        return f"{self.number}/{self.symbol}"

    @property
    def is_signed(self):
        return self.state == LetterState.SIGNED


class ApologyLetterSequence(models.Model):
    """The last number given per year (locked while a letter is numbered)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ phiếu xin lỗi")
        verbose_name_plural = _("sổ phiếu xin lỗi")
