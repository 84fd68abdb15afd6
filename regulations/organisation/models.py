"""The department's organisation: units in a tree, and staff attached to a unit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    DEPARTMENT = "so", _("Sở")
    LEADERSHIP = "ban_giam_doc", _("Ban Giám đốc")
    OFFICE = "van_phong", _("Văn phòng")
    INSPECTORATE = "thanh_tra", _("Thanh tra")
    DIVISION = "phong", _("Phòng chuyên môn")
    SERVICE_UNIT = "don_vi_su_nghiep", _("Đơn vị sự nghiệp")


class Unit(models.Model):
    """Đơn vị: the department itself, its office, inspectorate, divisions and centres."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    code = models.SlugField(_("mã đơn vị"), max_length=50, unique=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name

    def clean(self):
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("Một đơn vị không thể là cấp trên của chính nó.")}
                )
            node = node.parent

    def ancestors(self):
        node, chain = self.parent, []
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


class Role(models.TextChoices):
    """Vai trò: each maps to a Wagtail group of the same name (see roles.py)."""

    LEADERSHIP = "lanh_dao", _("Lãnh đạo Sở")
    UNIT_HEAD = "truong_don_vi", _("Trưởng đơn vị")
    UNIT_STAFF = "chuyen_vien", _("Chuyên viên")
    LEGAL_OFFICER = "phap_che", _("Cán bộ pháp chế")
    ONE_STOP_OFFICER = "mot_cua", _("Cán bộ một cửa")


class StaffProfile(models.Model):
    """Cán bộ: a Django user attached to one unit with one role."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="staff"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    position = models.CharField(_("chức vụ"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.unit})"
