"""Search items for văn bản (kind "document") and quy định (kind "provision").

See search/registry.py. A live document gives one "document" item (title, number,
summary; facets type, issuer, year, status, field, kind) and one "provision" item per
provision of the version in force today (title "Điều 5 – <document title>", url to
the provision anchor, number = the document's number, parent = the document's key,
so results group a document's provisions under it; body = the provision text).
Provisions, versions and relations are owned by their document: saving any of them
reindexes it. Drafts and unpublished documents give no item.
"""

from django.utils.translation import gettext_lazy as _

from search.indexing import is_deferred
from search.registry import SearchItem
from vietnamese.case import upper_first

from .models import DocumentRelation, LegalDocument, LegalVersion, Provision, ValidityStatus
from .models.versions import provision_urls
from .services.versions import current_version

IN_FORCE = {
    ValidityStatus.IN_FORCE,
    ValidityStatus.PARTLY_EXPIRED,
    ValidityStatus.PARTLY_SUSPENDED,
}

#: The facets of the search page a document (and its provisions) is counted under.
DOCUMENT_FACETS = {
    "type": _("Loại văn bản"),
    "issuer": _("Cơ quan ban hành"),
    "year": _("Năm"),
    "status": _("Tình trạng"),
    "field": _("Lĩnh vực"),
}


def document_facets(document) -> dict:
    return {
        "type": document.document_type.name if document.document_type_id else "",
        "issuer": document.issuing_body.name if document.issuing_body_id else document.issuer_code,
        "year": str(document.year or (document.issued_date.year if document.issued_date else "")),
        "status": str(ValidityStatus(document.validity_status).label),
        "field": document.legal_field.name if document.legal_field_id else "",
        "kind": document.get_kind_display(),
    }


def provision_title(provision, document) -> str:
    cite = provision.citation
    head = upper_first(cite) if cite else provision.label
    if provision.title and provision.level not in ("khoan", "diem"):
        head = f"{head}. {provision.title}"
    return f"{head} – {document.title}"


def document_items(document):
    if not document.live:
        return []
    facets = document_facets(document)
    in_force = document.validity_status in IN_FORCE
    data = {
        "document_id": document.pk,
        "kind": document.kind,
        "type_id": document.document_type_id,
        "issuing_body_id": document.issuing_body_id,
        "field_id": document.legal_field_id,
        "validity_status": document.validity_status,
    }
    items = [
        SearchItem(
            kind="document",
            key=f"document:{document.pk}",
            title=document.title,
            url=document.get_absolute_url(),
            number=document.number_symbol,
            body="\n".join(p for p in (document.summary, document.signer_name) if p),
            date=document.issued_date,
            in_force=in_force,
            public=True,
            facets=facets,
            data=data,
        )
    ]
    version = current_version(document)
    if version is None:
        return items
    url_of = provision_urls(document.slug)
    for provision in version.provisions.order_by("sort_order"):
        if not (provision.text or provision.title):
            continue
        items.append(
            SearchItem(
                kind="provision",
                key=f"provision:{provision.pk}",
                title=provision_title(provision, document),
                url=url_of(provision.path),
                number=document.number_symbol,
                parent=f"document:{document.pk}",  # search groups it under its document
                body="\n".join(p for p in (provision.title, provision.text) if p),
                date=version.effective_from,
                in_force=in_force,
                public=True,
                facets=facets,
                data={**data, "version_id": version.pk, "path": provision.path},
            )
        )
    return items


def _documents(*ids):
    """Owner references: the search module loads each document fresh when it indexes it
    (an instance cached on a relation may carry a validity status from before the
    change), and a deferred import pays no query per save."""
    return [(LegalDocument, pk) for pk in ids if pk]


def _owner_of_provision(provision):
    # In a deferred block the bulk writer (replace_provisions, the version form) tells
    # the index of its version once; following each row to its document costs a query.
    if is_deferred():
        return []
    return _documents(provision.version.document_id)


def register(registry):
    registry.register_label("document", _("Văn bản"))
    registry.register_label("provision", _("Quy định (điều, khoản)"))
    for name, label in DOCUMENT_FACETS.items():
        registry.register_facet(name, label)
    registry.register_model(
        LegalDocument,
        "document",
        document_items,
        queryset=lambda: LegalDocument.objects.filter(live=True).select_related(
            "document_type", "issuing_body", "legal_field"
        ),
        owners={
            LegalVersion: lambda version: _documents(version.document_id),
            Provision: _owner_of_provision,
            DocumentRelation: lambda relation: _documents(relation.source_id, relation.target_id),
        },
    )
