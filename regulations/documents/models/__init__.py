"""Văn bản: documents, their relations, legal versions and provisions."""

from .consolidation import ConsolidationDraft, DraftState
from .document import DocumentTag, LegalDocument, ValidityStatus
from .relations import DocumentRelation, RelationType
from .taxonomy import DocumentKind, DocumentType, IssuingBody, LegalField, Sector
from .versions import LegalVersion, Provision

__all__ = [
    "ConsolidationDraft",
    "DocumentKind",
    "DocumentRelation",
    "DocumentTag",
    "DocumentType",
    "DraftState",
    "IssuingBody",
    "LegalDocument",
    "LegalField",
    "LegalVersion",
    "Provision",
    "RelationType",
    "Sector",
    "ValidityStatus",
]
