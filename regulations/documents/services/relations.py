"""Kiểm tra quan hệ văn bản: a relation must make sense before it is saved.

- a document cannot act on itself;
- replacements cannot form a cycle (A thay thế B thay thế A);
- a named provision must exist in a version of the document it belongs to.
"""

from django.utils.translation import gettext as _

from ..models import LegalVersion, Provision, RelationType
from ..structure import citation


def replacement_reaches(start_id, goal_id, extra_edges=()) -> bool:
    """True when following "thay thế" edges from `start_id` reaches `goal_id`."""
    from ..models import DocumentRelation

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


def provision_exists(document_id, path: str) -> bool:
    """Whether `path` names a provision in any version of the document."""
    return Provision.objects.filter(version__document_id=document_id, path=path).exists()


def has_text(document_id) -> bool:
    return LegalVersion.objects.filter(document_id=document_id).exists()


def normalise_path(path: str) -> str:
    return "/".join(part.strip().lower() for part in path.strip().strip("/").split("/") if part)


def validate(source, relation_type, target, source_provision="", target_provision="") -> dict:
    """Errors by field name (Vietnamese messages); empty when the relation is valid."""
    errors: dict[str, str] = {}
    source_id = getattr(source, "pk", None)
    target_id = getattr(target, "pk", None)
    if source_id and target_id and source_id == target_id:
        errors["target"] = _("Văn bản liên quan: một văn bản không thể có quan hệ với chính nó.")
        return errors
    if (
        relation_type == RelationType.REPLACES
        and source_id
        and target_id
        and replacement_reaches(target_id, source_id)
    ):
        errors["target"] = _(
            "Văn bản liên quan: “%(target)s” đã (trực tiếp hoặc gián tiếp) thay thế "
            "“%(source)s”; hai văn bản không thể thay thế lẫn nhau."
        ) % {"target": target, "source": source}
    if target_provision and target_id and has_text(target_id):
        path = normalise_path(target_provision)
        if not provision_exists(target_id, path):
            errors["target_provision"] = _(
                "Quy định bị tác động: không có “%(path)s” (%(citation)s) trong văn bản "
                "%(document)s."
            ) % {"path": target_provision, "citation": citation(path), "document": target}
    if source_provision and source_id and has_text(source_id):
        path = normalise_path(source_provision)
        if not provision_exists(source_id, path):
            errors["source_provision"] = _(
                "Quy định của văn bản này: không có “%(path)s” (%(citation)s) trong văn bản."
            ) % {"path": source_provision, "citation": citation(path)}
    return errors
