"""Quan hệ văn bản: typed relations, readable from both sides."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from ..structure import citation, normalise_path
from .versions import has_text, provision_exists


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


def replacement_reaches(start_id, goal_id, extra_edges=()) -> bool:
    """True when following "thay thế" edges from `start_id` reaches `goal_id`."""
    edges: dict[int, set[int]] = {}
    for src, dst in DocumentRelation.objects.filter(
        relation_type=RelationType.REPLACES
    ).values_list("source_id", "target_id"):
        edges.setdefault(src, set()).add(dst)
    for src, dst in extra_edges:
        edges.setdefault(src, set()).add(dst)
    stack, seen = [start_id], set()
    while stack:
        node = stack.pop()
        if node == goal_id:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return False


def validate(source, relation_type, target, source_provision="", target_provision="") -> dict:
    """Kiểm tra quan hệ văn bản: errors by field name (Vietnamese messages), empty when
    the relation makes sense: a document cannot act on itself, replacements cannot form
    a cycle (A thay thế B thay thế A), a named provision must exist in a version of the
    document it belongs to."""
    errors: dict[str, str] = {}
    source_id = getattr(source, "pk", None)
    target_id = getattr(target, "pk", None)
    if source_id and target_id and source_id == target_id:
        errors["target"] = gettext(
            "Văn bản liên quan: một văn bản không thể có quan hệ với chính nó."
        )
        return errors
    if (
        relation_type == RelationType.REPLACES
        and source_id
        and target_id
        and replacement_reaches(target_id, source_id)
    ):
        errors["target"] = gettext(
            "Văn bản liên quan: “%(target)s” đã (trực tiếp hoặc gián tiếp) thay thế "
            "“%(source)s”; hai văn bản không thể thay thế lẫn nhau."
        ) % {"target": target, "source": source}
    if target_provision and target_id and has_text(target_id):
        path = normalise_path(target_provision)
        if not provision_exists(target_id, path):
            errors["target_provision"] = gettext(
                "Quy định bị tác động: không có “%(path)s” (%(citation)s) trong văn bản "
                "%(document)s."
            ) % {"path": target_provision, "citation": citation(path), "document": target}
    if source_provision and source_id and has_text(source_id):
        path = normalise_path(source_provision)
        if not provision_exists(source_id, path):
            errors["source_provision"] = gettext(
                "Quy định của văn bản này: không có “%(path)s” (%(citation)s) trong văn bản."
            ) % {"path": source_provision, "citation": citation(path)}
    return errors
