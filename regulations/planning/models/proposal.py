"""Đề xuất nhiệm vụ rà soát: a review the system proposes to a unit, which a person
accepts (a real plan task is created) or dismisses with a reason."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    PROPOSED = "de_xuat", _("Đề xuất, chờ xem xét")
    ACCEPTED = "da_nhan", _("Đã nhận, đã giao nhiệm vụ")
    DISMISSED = "khong_thuc_hien", _("Không thực hiện")


class ReviewProposal(models.Model):
    """Proposed because a confirmed legal version changed the legal basis of a
    procedure (procedures.ProcedureBasisChange): the procedure's handling unit reviews it."""

    basis_change = models.OneToOneField(
        "procedures.ProcedureBasisChange",
        verbose_name=_("căn cứ pháp lý đã thay đổi"),
        on_delete=models.CASCADE,
        related_name="review_proposal",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị đề xuất chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_proposals",
    )
    title = models.CharField(_("nhiệm vụ đề xuất"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
        db_index=True,
    )
    task = models.ForeignKey(
        "planning.PlanTask",
        verbose_name=_("nhiệm vụ đã giao"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    dismiss_reason = models.TextField(_("lý do không thực hiện"), blank=True)
    created_at = models.DateTimeField(_("đề xuất lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("đề xuất nhiệm vụ rà soát")
        verbose_name_plural = _("đề xuất nhiệm vụ rà soát")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status == ProposalStatus.PROPOSED
