"""Lịch làm việc: public holidays, days off in lieu and make-up working days.

Weekends (Saturday, Sunday) are off unless a row makes them a make-up working day
(ngày làm bù); weekdays are working days unless a row makes them a holiday or an
extra day off. The rows are data, edited per year in the admin.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "le_tet", _("Ngày lễ, Tết")
    EXTRA_DAY_OFF = "nghi_bu", _("Ngày nghỉ bù, nghỉ hoán đổi")
    MAKE_UP_WORKING_DAY = "lam_bu", _("Ngày làm bù")

    @classmethod
    def off_kinds(cls):
        return (cls.HOLIDAY.value, cls.EXTRA_DAY_OFF.value)


class Holiday(models.Model):
    """Ngày nghỉ lễ / nghỉ bù / làm bù: one calendar day that differs from the weekly rule."""

    date = models.DateField(_("ngày"), unique=True)
    year = models.PositiveSmallIntegerField(_("năm"), editable=False, db_index=True)
    name = models.CharField(_("tên ngày"), max_length=255)
    kind = models.CharField(
        _("loại ngày"), max_length=10, choices=DayKind.choices, default=DayKind.HOLIDAY
    )
    note = models.CharField(
        _("căn cứ, ghi chú"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: văn bản thông báo lịch nghỉ của Bộ Lao động - Thương binh và Xã hội."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ lễ, làm bù")
        verbose_name_plural = _("lịch ngày nghỉ lễ, làm bù")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.name}"

    def save(self, *args, **kwargs):
        self.year = self.date.year
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.date and self.kind == DayKind.MAKE_UP_WORKING_DAY and self.date.weekday() < 5:
            raise ValidationError(
                {
                    "kind": _(
                        "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật "
                        "(ngày thường đã là ngày làm việc)."
                    )
                }
            )
