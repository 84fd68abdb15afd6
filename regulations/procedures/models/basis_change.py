"""Căn cứ pháp lý đã thay đổi: a procedure whose legal basis a new legal version changed."""

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from regulations.documents.services.diff import LABELS
from regulations.documents.structure import citation
from regulations.documents.visibility import is_public

from .procedure import Procedure
from .version import ProcedureVersion


class BasisChangeStatus(models.TextChoices):
    OPEN = "chua_xu_ly", _("Chưa xử lý")
    RESOLVED = "da_xu_ly", _("Đã xử lý")


class ProcedureBasisChange(models.Model):
    """One flag per procedure and confirmed legal version: the provisions of the
    procedure's legal basis that the version changed or repealed.

    `changes` is [{"path": "dieu-23", "status": "changed"|"removed"|"moved"}], in the
    reading order of the basis. The flag is closed (resolved_at) when a person accepts
    or dismisses the review it proposes.
    """

    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("thủ tục"),
        on_delete=models.CASCADE,
        related_name="basis_changes",
    )
    procedure_version = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("phiên bản thủ tục"),
        on_delete=models.CASCADE,
        related_name="basis_changes",
    )
    document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("văn bản căn cứ"),
        on_delete=models.CASCADE,
        related_name="procedure_basis_changes",
    )
    legal_version = models.ForeignKey(
        "documents.LegalVersion",
        verbose_name=_("phiên bản pháp lý mới"),
        on_delete=models.CASCADE,
        related_name="procedure_basis_changes",
    )
    previous_version = models.ForeignKey(
        "documents.LegalVersion",
        verbose_name=_("phiên bản pháp lý trước"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changes = models.JSONField(_("quy định thay đổi"), default=list, blank=True)
    created_at = models.DateTimeField(_("phát hiện lúc"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.TextField(_("kết quả xử lý"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("căn cứ pháp lý đã thay đổi")
        verbose_name_plural = _("căn cứ pháp lý đã thay đổi")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "legal_version"],
                name="one_basis_change_per_procedure_and_version",
            )
        ]

    def __str__(self):
        return f"{self.procedure.code} – {self.document.citation_name}"

    @property
    def status(self):
        return BasisChangeStatus.RESOLVED if self.resolved_at else BasisChangeStatus.OPEN

    def get_status_display(self):
        return self.status.label

    @property
    def items(self):
        """[(path, citation, status label)] of the changed provisions; ("", "cả văn bản", …)
        when the basis cites the document as a whole."""
        return [
            (
                c.get("path", ""),
                citation(c["path"]) if c.get("path") else str(_("cả văn bản")),
                LABELS.get(c.get("status"), c.get("status", "")),
            )
            for c in self.changes
        ]

    @property
    def links(self):
        """Where to read the change: the new version in the admin, and (for a public
        document) the redline of the two versions and each provision still in force."""
        links = {
            "version_admin": reverse(
                "wagtailsnippets_documents_legalversion:edit", args=[self.legal_version_id]
            ),
            "compare": "",
            "provisions": {},
        }
        if not is_public(self.document):
            return links
        try:
            compare = reverse("documents:compare", kwargs={"slug": self.document.slug})
        except NoReverseMatch:
            return links
        if self.previous_version_id:
            links["compare"] = (
                f"{compare}?from={self.previous_version_id}&to={self.legal_version_id}"
            )
        for item in self.changes:
            if item.get("path") and item.get("status") != "removed":
                links["provisions"][item["path"]] = reverse(
                    "documents:provision",
                    kwargs={"slug": self.document.slug, "provision_path": item["path"]},
                )
        return links

    def rows(self):
        """The changed provisions for a page: [{"citation", "label", "url"}]."""
        urls = self.links["provisions"]
        return [
            {"citation": cite, "label": label, "url": urls.get(path, "")}
            for path, cite, label in self.items
        ]

    def changes_label(self):
        """ "Điều 23 (Sửa đổi); khoản 2 Điều 5 (Bãi bỏ)"."""
        return "; ".join(f"{cite} ({label})" for _path, cite, label in self.items)

    changes_label.short_description = _("quy định thay đổi")
