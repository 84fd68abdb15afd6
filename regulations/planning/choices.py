"""Lists the code depends on (statuses, findings, outcomes). Lists that only change with
the rules and that no code reads (the review principles) are data: ReviewPrinciple."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    """Trạng thái nhiệm vụ. "Quá hạn" is derived from the deadline, never stored."""

    NOT_STARTED = "chua_thuc_hien", _("Chưa thực hiện")
    IN_PROGRESS = "dang_thuc_hien", _("Đang thực hiện")
    AWAITING_APPROVAL = "cho_duyet", _("Chờ duyệt")
    DONE = "hoan_thanh", _("Hoàn thành")


class ReportingPeriod(models.TextChoices):
    """Kỳ báo cáo of a recurring ("thường xuyên") task."""

    MONTHLY = "hang_thang", _("Hằng tháng")
    QUARTERLY = "hang_quy", _("Hằng quý")
    HALF_YEARLY = "sau_thang", _("6 tháng")
    YEARLY = "hang_nam", _("Hằng năm")


class TargetKind(models.TextChoices):
    """What a task concerns (đối tượng của nhiệm vụ)."""

    DOCUMENT = "van_ban", _("Văn bản (hoặc một quy định của văn bản)")
    PROCEDURE = "thu_tuc", _("Thủ tục hành chính")
    INTERNAL_RULE = "quy_che_noi_bo", _("Quy chế, quy định nội bộ")


class ReviewTargetKind(models.TextChoices):
    DOCUMENT = "van_ban", _("Văn bản quy phạm pháp luật")
    INTERNAL_RULE = "quy_che_noi_bo", _("Quy chế, quy định nội bộ")
    PROCEDURE = "thu_tuc", _("Thủ tục hành chính")


class Finding(models.TextChoices):
    """Kết quả phát hiện khi rà soát."""

    CONTRADICTORY = "mau_thuan", _("Mâu thuẫn")
    OVERLAPPING = "chong_cheo", _("Chồng chéo")
    EXPIRED = "het_hieu_luc", _("Hết hiệu lực")
    UNSUITABLE = "khong_con_phu_hop", _("Không còn phù hợp")


class Outcome(models.TextChoices):
    """Phương án xử lý đề xuất."""

    KEEP = "giu_nguyen", _("Giữ nguyên")
    AMEND = "sua_doi_bo_sung", _("Sửa đổi, bổ sung")
    REPLACE = "thay_the", _("Thay thế")
    REPEAL_ALL = "bai_bo_toan_bo", _("Bãi bỏ toàn bộ")
    REPEAL_PART = "bai_bo_mot_phan", _("Bãi bỏ một phần")
    ISSUE_NEW = "ban_hanh_moi", _("Ban hành mới")
    SUSPEND = "ngung_hieu_luc", _("Ngưng hiệu lực")


class ReviewStatus(models.TextChoices):
    """Where a review record is in its approval workflow (derived, not stored)."""

    DRAFT = "nhap", _("Nháp")
    IN_REVIEW = "cho_duyet", _("Chờ duyệt")
    APPROVED = "da_duyet", _("Đã duyệt")
    REJECTED = "bi_tu_choi", _("Bị trả lại")


class NotificationKind(models.TextChoices):
    TASK_ASSIGNED = "giao_nhiem_vu", _("Được giao nhiệm vụ")
    DUE_IN_7 = "con_7_ngay", _("Còn 7 ngày đến hạn")
    DUE_IN_1 = "con_1_ngay", _("Còn 1 ngày đến hạn")
    OVERDUE = "qua_han", _("Quá hạn")
    REVIEW_AWAITING = "cho_duyet_ra_soat", _("Hồ sơ rà soát chờ duyệt")
    REVIEW_REJECTED = "ra_soat_bi_tra_lai", _("Hồ sơ rà soát bị trả lại")
