"""Procedure sets and the stable identity of a procedure."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index


class ProcedureLevel(models.TextChoices):
    CENTRAL = "trung_uong", _("Cấp trung ương")
    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")


# National codes look like "1.000656.000.00.00.H29"; older local ones like "T-HNO-123456-TT".
CODE_RE = re.compile(r"^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$")


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
        ordering = ["name"]
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
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=60,
        unique=True,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên thủ tục."),
    )
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
        index.AutocompleteField("code"),
        # Filters combined with a search (admin listing, API ?search=).
        index.FilterField("live"),
        index.FilterField("code"),
        index.FilterField("level"),
        index.FilterField("legal_field"),
        index.FilterField("handling_unit"),
        index.FilterField("procedure_set"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("procedures:detail", kwargs={"slug": self.slug})

    def _unique_slug(self):
        text = (self.name or self.code or "thu-tuc").replace("Đ", "D").replace("đ", "d")
        base = slugify(text)
        if len(base) > 56:  # room for a "-2" suffix within max_length
            base = base[:57].rsplit("-", 1)[0]
        base = base.strip("-") or "thu-tuc"
        slug, n = base, 1
        while Procedure.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def clean(self):
        super().clean()
        errors = {}
        self.code = (self.code or "").strip()
        if self.code and not CODE_RE.match(self.code):
            errors["code"] = _(
                "Mã thủ tục chỉ gồm chữ, số, dấu chấm và gạch ngang, ví dụ 1.000656.000.00.00.H29."
            )
        if self.slug and Procedure.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            errors["slug"] = _("Đường dẫn này đã được dùng cho thủ tục khác.")
        if errors:
            raise ValidationError(errors)

    @property
    def announcing_decision(self):
        """Quyết định công bố: the first version's decision, else the set's."""
        first = self.versions.order_by("effective_from").first()
        if first and first.decision_id:
            return first.decision
        return self.procedure_set.decision if self.procedure_set_id else None

    def version_on(self, on=None):
        """The version in force on a date (today by default), or None."""
        on = on or timezone.localdate()
        return self.versions.filter(effective_from__lte=on).order_by("-effective_from").first()

    @property
    def current_version(self):
        return self.version_on()
