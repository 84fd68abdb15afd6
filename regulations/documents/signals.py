"""Keep validity statuses current when documents and relations change (see
services/validity.py)."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver

from .models import DocumentRelation, LegalDocument
from .services import validity


@receiver(pre_save, sender=LegalDocument, dispatch_uid="documents_derive_validity")
def derive_validity(sender, instance, raw=False, update_fields=None, **kwargs):
    """Every save of a document stores the status its dates and relations give."""
    if raw:
        return
    if update_fields is None or "validity_status" in update_fields:
        instance.validity_status = validity.derive(instance)


@receiver(post_save, sender=LegalDocument, dispatch_uid="documents_refresh_validity")
def document_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # The dates or the publication may have changed what this document does to the
    # documents it replaces, repeals or suspends (a new document has no relations yet).
    if raw or created or update_fields is not None:
        return
    validity.refresh(instance)


@receiver(post_save, sender=DocumentRelation)
@receiver(post_delete, sender=DocumentRelation)
def relation_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    validity.refresh_ids([instance.target_id])


# Sent when an officer confirms a consolidated draft (Xác nhận bản hợp nhất) and it becomes
# a published legal version. Receivers get `version` (the new LegalVersion) and `previous`
# (the version it replaces, or None). Apps above documents (procedures, planning) react to
# it without documents importing them.
version_confirmed = Signal()
