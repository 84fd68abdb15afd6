"""Trạng thái hồ sơ: the national public-service portal's codes, kept as editable data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusStage(models.TextChoices):
    """What a status means for the processing clock (and so for lateness)."""

    PENDING = "cho_tiep_nhan", _("Chưa tiếp nhận (chưa tính thời hạn)")
    OPEN = "dang_giai_quyet", _("Đang giải quyết (đang tính thời hạn)")
    PAUSED = "tam_dung", _("Chờ người nộp bổ sung (tạm dừng tính thời hạn)")
    DONE = "da_co_ket_qua", _("Đã có kết quả")
    CLOSED = "ket_thuc", _("Kết thúc không có kết quả")


class DossierStatus(models.Model):
    """Trạng thái hồ sơ (1 Mới đăng ký … 10 Đã trả kết quả), seeded by a data migration."""

    code = models.PositiveSmallIntegerField(_("mã trạng thái"), primary_key=True)
    name = models.CharField(_("tên trạng thái"), max_length=150)
    stage = models.CharField(
        _("giai đoạn"), max_length=20, choices=StatusStage.choices, default=StatusStage.OPEN
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("trạng thái hồ sơ")
        verbose_name_plural = _("trạng thái hồ sơ")

    def __str__(self):
        return f"{self.code}. {self.name}"


# Seed data (docs/domain.md, "One-stop dossiers"; national portal): code, name, stage.
PORTAL_STATUSES = [
    (1, "Mới đăng ký", StatusStage.PENDING),
    (2, "Được tiếp nhận", StatusStage.OPEN),
    (3, "Không được tiếp nhận", StatusStage.CLOSED),
    (4, "Đang xử lý", StatusStage.OPEN),
    (5, "Yêu cầu bổ sung giấy tờ", StatusStage.PAUSED),
    (6, "Yêu cầu thực hiện nghĩa vụ tài chính", StatusStage.OPEN),
    (7, "Công dân yêu cầu rút hồ sơ", StatusStage.CLOSED),
    (8, "Dừng xử lý", StatusStage.CLOSED),
    (9, "Đã xử lý xong", StatusStage.DONE),
    (10, "Đã trả kết quả", StatusStage.DONE),
]
RECEIVED, FINISHED, RETURNED = 2, 9, 10
MORE_PAPERS = 5
