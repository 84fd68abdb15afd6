"""Keep validity statuses current when relations change (see services/validity.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .models import DocumentRelation


@receiver(post_save, sender=DocumentRelation)
@receiver(post_delete, sender=DocumentRelation)
def relation_changed(sender, instance, **kwargs):
    from .services.validity import refresh_ids

    if kwargs.get("raw"):
        return
    refresh_ids([instance.target_id])


# Sent when an officer confirms a consolidated draft (Xác nhận bản hợp nhất) and it becomes
# a published legal version. Receivers get `version` (the new LegalVersion) and `previous`
# (the version it replaces, or None). Apps above documents (procedures, planning) react to
# it without documents importing them.
version_confirmed = Signal()
