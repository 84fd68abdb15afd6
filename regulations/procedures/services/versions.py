"""Phiên bản mới: start a simplification from the version in force."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import (
    DossierComponent,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)

COPIED_FIELDS = [
    "applicants",
    "implementing_agency",
    "competent_agency",
    "coordinating_agency",
    "submission_place",
    "result",
    "requirements",
]


@transaction.atomic
def new_version_from(
    source: ProcedureVersion, effective_from, decision, change_summary="", user=None
):
    """Copy `source` with its steps, methods, components and legal basis to a new version
    in force from `effective_from`, produced by `decision`; the caller then edits what the
    simplification changes. Raises ValidationError (nothing saved) on bad input."""
    if decision is None:
        raise ValidationError(
            {"decision": _("Chưa chọn quyết định sửa đổi: phiên bản mới phải nêu quyết định.")}
        )
    version = ProcedureVersion(
        procedure=source.procedure,
        effective_from=effective_from,
        decision=decision,
        change_summary=change_summary,
        **{name: getattr(source, name) for name in COPIED_FIELDS},
    )
    version.full_clean()
    version.steps = [
        ProcedureStep(title=s.title, description=s.description, sort_order=s.sort_order)
        for s in source.steps.all()
    ]
    version.methods = [
        ProcedureMethod(
            kind=m.kind,
            processing_days=m.processing_days,
            processing_note=m.processing_note,
            fee=m.fee,
            fee_description=m.fee_description,
            sort_order=m.sort_order,
        )
        for m in source.methods.all()
    ]
    version.components = [
        DossierComponent(
            name=c.name,
            originals=c.originals,
            copies=c.copies,
            form_template_id=c.form_template_id,
            note=c.note,
            sort_order=c.sort_order,
        )
        for c in source.components.all()
    ]
    version.legal_basis = [
        ProcedureLegalBasis(
            document_id=b.document_id, provision_path=b.provision_path, sort_order=b.sort_order
        )
        for b in source.legal_basis.all()
    ]
    version.save()
    version.save_revision(user=user, log_action=True)
    return version
