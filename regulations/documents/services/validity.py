"""Tình trạng hiệu lực: derive a document's validity status from dates and relations.

Rules (in this order):
1. a status set by hand (status_override, with its reason) wins;
2. before the effective date → Chưa có hiệu lực;
3. on or after the expiry date → Hết hiệu lực toàn bộ;
4. incoming relations from documents in force on the day:
   thay thế / bãi bỏ of the whole document → Hết hiệu lực toàn bộ,
   of a provision only → Hết hiệu lực một phần;
   đình chỉ of the whole document → Ngưng hiệu lực, of a provision → Ngưng hiệu lực một phần;
5. otherwise Còn hiệu lực; with no date at all, Chưa xác định.

A document is "in force" for rule 4 when it is published and its own dates say so;
this keeps the derivation free of recursion. When a document's dates change, the
documents it acts on are recomputed too (see `refresh`). regulations.documents.signals
runs `derive` on every save of a document and `refresh` after it.
"""

from datetime import date

from django.db.models.signals import post_save
from django.utils import timezone

from ..models import LegalDocument, RelationType, ValidityStatus

ENDING = {RelationType.REPLACES, RelationType.REPEALS}
SUSPENDING = {RelationType.SUSPENDS}
# Strongest first: the first one that applies is the status.
PRIORITY = [
    ValidityStatus.EXPIRED,
    ValidityStatus.SUSPENDED,
    ValidityStatus.PARTLY_EXPIRED,
    ValidityStatus.PARTLY_SUSPENDED,
]


def today() -> date:
    return timezone.localdate()


def start_date(document) -> date | None:
    """The day a document takes effect: its effective date, else its issue date."""
    return document.effective_date or document.issued_date


def in_force_by_dates(document, on: date) -> bool:
    start = start_date(document)
    if start is None or on < start:
        return False
    return not (document.expiry_date and on >= document.expiry_date)


def derive(document, on: date | None = None) -> str:
    """The validity status of `document` on `on` (today by default)."""
    on = on or today()
    if document.status_override:
        return document.status_override
    start = start_date(document)
    if start is None:
        return ValidityStatus.UNKNOWN
    if on < start:
        return ValidityStatus.NOT_YET
    if document.expiry_date and on >= document.expiry_date:
        return ValidityStatus.EXPIRED
    if document.pk is None:
        return ValidityStatus.IN_FORCE
    found = set()
    incoming = document.relations_in.filter(
        relation_type__in=[*ENDING, *SUSPENDING], source__live=True
    ).select_related("source")
    for relation in incoming:
        if not in_force_by_dates(relation.source, on):
            continue
        partial = bool(relation.target_provision.strip())
        if relation.relation_type in ENDING:
            found.add(ValidityStatus.PARTLY_EXPIRED if partial else ValidityStatus.EXPIRED)
        else:
            found.add(ValidityStatus.PARTLY_SUSPENDED if partial else ValidityStatus.SUSPENDED)
    for status in PRIORITY:
        if status in found:
            return status
    return ValidityStatus.IN_FORCE


def store(document, status):
    """Write a new status without running save(), then tell listeners (the search index
    keeps the status as a facet)."""
    LegalDocument.objects.filter(pk=document.pk).update(validity_status=status)
    document.validity_status = status
    post_save.send(
        sender=LegalDocument,
        instance=document,
        created=False,
        update_fields={"validity_status"},
        raw=False,
        using=document._state.db,
    )


def refresh(document, on: date | None = None, _seen=None) -> bool:
    """Recompute and store the status of `document`, then of the documents it acts on.

    Returns True when the stored status of `document` changed. Uses update() so no
    save signal runs again.
    """
    seen = _seen if _seen is not None else set()
    if document.pk is None or document.pk in seen:
        return False
    seen.add(document.pk)
    status = derive(document, on)
    changed = status != document.validity_status
    if changed:
        store(document, status)
    for target in LegalDocument.objects.filter(relations_in__source=document).distinct():
        refresh(target, on, seen)
    return changed


def refresh_ids(ids, on: date | None = None) -> int:
    """Recompute the documents with these ids; returns how many changed."""
    changed = 0
    seen: set = set()
    for document in LegalDocument.objects.filter(pk__in=set(ids)):
        changed += refresh(document, on, seen)
    return changed
