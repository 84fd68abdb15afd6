"""Văn bản: documents, their relations, legal versions and provisions."""

from .document import DocumentTag, LegalDocument, ValidityStatus
from .relations import DocumentRelation, RelationType
from .taxonomy import DocumentKind, DocumentType, IssuingBody, LegalField, Sector
from .versions import LegalVersion, Provision

__all__ = [
    "DocumentKind",
    "DocumentRelation",
    "DocumentTag",
    "DocumentType",
    "IssuingBody",
    "LegalDocument",
    "LegalField",
    "LegalVersion",
    "Provision",
    "RelationType",
    "Sector",
    "ValidityStatus",
]
