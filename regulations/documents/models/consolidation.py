"""Bản hợp nhất chờ xác nhận: what a consolidation run produced, kept for the officer.

The draft version (LegalVersion.is_draft) holds the consolidated text; this record holds
what the text alone cannot say: the version it was built from, every instruction of
the amending document with its outcome (applied, failed or ambiguous, with the reason),
and the changes each applied instruction made. The redline page and the confirmation
read it instead of reading the amending text again: the reader may improve, and the
officer confirms what he saw. `outcomes` is a list of
{"source", "text", "instruction", "action", "targets", "status", "reasons", "reason",
"changes": [{"path", "result", "action"}]} in the amending text's order.

The record outlives its draft: a discarded or replaced draft is deleted, the record
stays (state "huỷ") so that a late "Xác nhận" gets a clear answer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .document import LegalDocument
from .versions import LegalVersion


class DraftState(models.TextChoices):
    PENDING = "cho_xac_nhan", _("Chờ xác nhận")
    CONFIRMED = "da_xac_nhan", _("Đã xác nhận")
    DISCARDED = "da_huy", _("Đã huỷ")


class ConsolidationDraft(models.Model):
    amending = models.ForeignKey(
        LegalDocument,
        verbose_name=_("văn bản sửa đổi"),
        on_delete=models.CASCADE,
        related_name="consolidations_made",
    )
    base = models.ForeignKey(
        LegalDocument,
        verbose_name=_("văn bản được sửa đổi"),
        on_delete=models.CASCADE,
        related_name="consolidations",
    )
    effective_from = models.DateField(_("có hiệu lực từ ngày"))
    previous = models.ForeignKey(
        LegalVersion,
        verbose_name=_("phiên bản trước"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.ForeignKey(
        LegalVersion,
        verbose_name=_("phiên bản hợp nhất"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consolidation_drafts",
    )
    outcomes = models.JSONField(_("kết quả áp dụng chỉ dẫn"), default=list)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=DraftState.choices, default=DraftState.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("xác nhận hoặc huỷ lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bản hợp nhất")
        verbose_name_plural = _("bản hợp nhất")

    def __str__(self):
        return _("Hợp nhất %(amending)s vào %(base)s") % {
            "amending": self.amending.number_symbol,
            "base": self.base.number_symbol,
        }

    @property
    def pending(self) -> bool:
        return self.state == DraftState.PENDING

    def counts(self) -> dict[str, int]:
        found = {"applied": 0, "failed": 0, "ambiguous": 0}
        for outcome in self.outcomes:
            found[outcome["status"]] = found.get(outcome["status"], 0) + 1
        return found
