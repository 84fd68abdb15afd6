"""Lists that change with the rules (document types, issuers, fields): data, not code."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """Nhóm văn bản: the family a document belongs to."""

    NORMATIVE = "qppl", _("Văn bản quy phạm pháp luật")
    INTERNAL_RULE = "noi_bo", _("Quy chế, quy định nội bộ")
    PLAN = "ke_hoach", _("Kế hoạch")
    ADMINISTRATIVE = "hanh_chinh", _("Văn bản hành chính")


class DocumentType(models.Model):
    """Loại văn bản (Luật, Nghị định, Kế hoạch, Quyết định…) with its abbreviation."""

    name = models.CharField(_("tên loại"), max_length=100, unique=True)
    abbreviation = models.CharField(
        _("viết tắt"),
        max_length=20,
        blank=True,
        help_text=_("Như trong ký hiệu văn bản: KH, QĐ, NĐ… Để trống với công văn và luật."),
    )
    default_kind = models.CharField(_("nhóm mặc định"), max_length=20, choices=DocumentKind.choices)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class IssuingBody(models.Model):
    """Cơ quan ban hành, with the code used in document symbols (UBND, STTTT, CP, QH13)."""

    name = models.CharField(_("tên cơ quan"), max_length=255)
    code = models.CharField(_("ký hiệu"), max_length=30, unique=True)
    place = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("Như “Hà Nội” trên dòng ngày tháng.")
    )
    parent_name = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self):
        return self.name


class LegalField(models.Model):
    """Lĩnh vực (báo chí, xuất bản, bưu chính, viễn thông, công nghệ thông tin…)."""

    name = models.CharField(_("tên lĩnh vực"), max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self):
        return self.name


class Sector(models.Model):
    """Ngành."""

    name = models.CharField(_("tên ngành"), max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("ngành")
        verbose_name_plural = _("ngành")

    def __str__(self):
        return self.name
