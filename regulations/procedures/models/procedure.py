"""Procedure sets and the stable identity of a procedure."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index


class ProcedureLevel(models.TextChoices):
    CENTRAL = "trung_uong", _("Cấp trung ương")
    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")


class ProcedureSet(models.Model):
    """Bộ thủ tục hành chính, announced by a decision (quyết định công bố)."""

    name = models.CharField(_("tên bộ thủ tục"), max_length=255)
    decision = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedure_sets",
    )
    owner_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("bộ thủ tục hành chính")
        verbose_name_plural = _("bộ thủ tục hành chính")

    def __str__(self):
        return self.name


class Procedure(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """Thủ tục hành chính: code, name and classification; the content that a
    simplification changes (time, components, fees…) is in ProcedureVersion."""

    code = models.CharField(
        _("mã thủ tục"), max_length=40, unique=True, help_text=_("Ví dụ: 1.000656.000.00.00.H29")
    )
    name = models.CharField(_("tên thủ tục"), max_length=500)
    slug = models.SlugField(max_length=60, unique=True)
    procedure_set = models.ForeignKey(
        ProcedureSet,
        verbose_name=_("bộ thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procedures",
    )
    level = models.CharField(
        _("cấp thực hiện"), max_length=20, choices=ProcedureLevel.choices, default="tinh"
    )
    procedure_type = models.CharField(_("loại thủ tục"), max_length=100, blank=True)
    legal_field = models.ForeignKey(
        "documents.LegalField",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    handling_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị giải quyết"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procedures",
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("code", boost=5),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.name}"

    def version_on(self, on=None):
        """The version in force on a date (today by default), or None."""
        on = on or timezone.localdate()
        return self.versions.filter(effective_from__lte=on).order_by("-effective_from").first()

    @property
    def current_version(self):
        return self.version_on()
