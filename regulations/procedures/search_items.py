"""Search items for thủ tục hành chính (kind "procedure"), see search/registry.py.

One item per live procedure: title = name, number = code, body = the steps, result
and requirements of the version in force; facets field (lĩnh vực), unit (cơ quan
giải quyết) and level (cấp thực hiện). Drafts and unpublished procedures give no item.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.registry import SearchItem

from .models import (
    DossierComponent,
    Procedure,
    ProcedureLevel,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)


def _current(procedure):
    return (
        procedure.version_on(timezone.localdate())
        or procedure.versions.order_by("effective_from").first()
    )


def procedure_items(procedure):
    if not procedure.live:
        return []
    version = _current(procedure)
    parts = []
    if version is not None:
        for step in version.steps.all():
            parts.append(f"{step.title}. {step.description}".strip())
        parts += [version.result, version.requirements]
    return [
        SearchItem(
            kind="procedure",
            key=f"procedure:{procedure.pk}",
            title=procedure.name,
            url=procedure.get_absolute_url(),
            number=procedure.code,
            body="\n".join(p for p in parts if p),
            date=version.effective_from if version else None,
            in_force=version is not None,
            public=True,
            facets={
                "field": procedure.legal_field.name if procedure.legal_field_id else "",
                "unit": procedure.handling_unit.name if procedure.handling_unit_id else "",
                "level": str(ProcedureLevel(procedure.level).label) if procedure.level else "",
            },
            data={
                "procedure_id": procedure.pk,
                "unit_id": procedure.handling_unit_id,
                "field_id": procedure.legal_field_id,
            },
        )
    ]


def _owner_of_version(version):
    return [version.procedure]


def _owner_of_child(child):
    return [child.version.procedure]


def register(registry):
    registry.register_label("procedure", _("Thủ tục hành chính"))
    registry.register_facet("field", _("Lĩnh vực"))
    registry.register_facet("unit", _("Đơn vị"))  # cơ quan giải quyết
    registry.register_model(
        Procedure,
        "procedure",
        procedure_items,
        queryset=lambda: Procedure.objects.filter(live=True).select_related(
            "legal_field", "handling_unit"
        ),
        owners={
            ProcedureVersion: _owner_of_version,
            ProcedureStep: _owner_of_child,
            ProcedureMethod: _owner_of_child,
            DossierComponent: _owner_of_child,
        },
    )
