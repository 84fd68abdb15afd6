"""Quan hệ văn bản: typed relations, readable from both sides."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class RelationType(models.TextChoices):
    BASED_ON = "can_cu", _("Căn cứ")
    GUIDES = "huong_dan", _("Hướng dẫn, quy định chi tiết")
    AMENDS = "sua_doi", _("Sửa đổi, bổ sung")
    REPLACES = "thay_the", _("Thay thế")
    REPEALS = "bai_bo", _("Bãi bỏ")
    CONSOLIDATES = "hop_nhat", _("Hợp nhất")
    CORRECTS = "dinh_chinh", _("Đính chính")
    REFERS_TO = "dan_chieu", _("Dẫn chiếu")
    SUSPENDS = "dinh_chi", _("Đình chỉ, tạm ngưng")


# (as seen from the source, as seen from the target)
WORDING = {
    RelationType.BASED_ON: (_("Căn cứ"), _("Là căn cứ của")),
    RelationType.GUIDES: (_("Hướng dẫn, quy định chi tiết"), _("Được hướng dẫn bởi")),
    RelationType.AMENDS: (_("Sửa đổi, bổ sung"), _("Được sửa đổi, bổ sung bởi")),
    RelationType.REPLACES: (_("Thay thế"), _("Bị thay thế bởi")),
    RelationType.REPEALS: (_("Bãi bỏ"), _("Bị bãi bỏ bởi")),
    RelationType.CONSOLIDATES: (_("Hợp nhất"), _("Được hợp nhất bởi")),
    RelationType.CORRECTS: (_("Đính chính"), _("Được đính chính bởi")),
    RelationType.REFERS_TO: (_("Dẫn chiếu"), _("Được dẫn chiếu bởi")),
    RelationType.SUSPENDS: (_("Đình chỉ, tạm ngưng"), _("Bị đình chỉ, tạm ngưng bởi")),
}


class DocumentRelation(Orderable):
    """The source document acts on the target (e.g. source amends target).

    Either side may name a provision by its path ("dieu-5/khoan-2"); an
    amendment must name the exact unit it changes.
    """

    source = ParentalKey(
        "documents.LegalDocument", on_delete=models.CASCADE, related_name="relations_out"
    )
    relation_type = models.CharField(_("quan hệ"), max_length=20, choices=RelationType.choices)
    target = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("văn bản liên quan"),
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    source_provision = models.CharField(
        _("quy định của văn bản này"), max_length=255, blank=True, help_text=_("Ví dụ: dieu-2")
    )
    target_provision = models.CharField(
        _("quy định bị tác động"),
        max_length=255,
        blank=True,
        help_text=_("Đường dẫn quy định, ví dụ dieu-5/khoan-2 (khoản 2 Điều 5)."),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")

    def __str__(self):
        return f"{self.source} {self.forward_label} {self.target}"

    @property
    def forward_label(self):
        return WORDING[RelationType(self.relation_type)][0]

    @property
    def backward_label(self):
        return WORDING[RelationType(self.relation_type)][1]

    def clean(self):
        from ..services.relations import normalise_path, validate

        super().clean()
        self.source_provision = normalise_path(self.source_provision or "")
        self.target_provision = normalise_path(self.target_provision or "")
        try:
            source = self.source
        except ObjectDoesNotExist:
            source = None
        target = self.target if self.target_id else None
        errors = validate(
            source, self.relation_type, target, self.source_provision, self.target_provision
        )
        if errors:
            raise ValidationError(errors)
