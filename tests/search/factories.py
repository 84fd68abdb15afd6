"""Real rows for the search tests (documents, provisions, plans, tasks)."""

import itertools
from datetime import date

from regulations.documents.models import (
    DocumentKind,
    DocumentType,
    LegalDocument,
    LegalVersion,
    Provision,
)
from regulations.organisation.models import Unit, UnitKind

_seq = itertools.count(1)


def document_type(name="Kế hoạch", abbreviation="KH"):
    dt, _ = DocumentType.objects.get_or_create(
        name=name, defaults={"abbreviation": abbreviation, "default_kind": DocumentKind.PLAN}
    )
    return dt


def legal_document(title="Năm kỷ cương hành chính 2017", number="572/KH-STTTT", **kw):
    return LegalDocument.objects.create(
        kind=kw.pop("kind", DocumentKind.PLAN),
        document_type=kw.pop("document_type", None) or document_type(),
        number_symbol=number,
        title=title,
        summary=kw.pop("summary", "Tăng cường kỷ luật, kỷ cương hành chính."),
        issued_date=kw.pop("issued_date", date(2017, 3, 31)),
        effective_date=kw.pop("effective_date", date(2017, 3, 31)),
        **kw,
    )


def version_with_provisions(document, provisions):
    """provisions: [(number, title, text)] as Điều rows."""
    version = LegalVersion.objects.create(document=document, effective_from=date(2017, 3, 31))
    for i, (number, title, text) in enumerate(provisions):
        Provision.objects.create(
            version=version,
            level="dieu",
            number=str(number),
            title=title,
            text=text,
            path=f"dieu-{number}",
            sort_order=i,
        )
    document.save()  # reindex the owner with its provisions
    return version


def unit(name=None, sort_order=0):
    n = next(_seq)
    return Unit.objects.create(
        name=name or f"Phòng {n}", code=f"u{n}", kind=UnitKind.DIVISION, sort_order=sort_order
    )
