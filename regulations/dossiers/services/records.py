"""Saving a dossier: computing its appointment and recording status changes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import Dossier, DossierStatusChange
from ..models.status import FINISHED, RETURNED
from .appointments import compute_due_date


@transaction.atomic
def save_dossier(dossier: Dossier, user=None, note: str = "", calendar=None, times=None):
    """Create or update a dossier: fill the due date when missing, then record the
    status change (if any) in the history. Raises ValidationError, writing nothing."""
    previous = None
    if dossier.pk:
        current = (
            Dossier.objects.select_for_update()
            .filter(pk=dossier.pk)
            .values("status_id", "letters_count", "due_date", "appointment_date")
            .first()
        )
        if current:
            previous = current["status_id"]
            # Fields only letters and extensions change: never overwrite them from a stale
            # instance (the letter count always, the dates once they have been moved).
            dossier.letters_count = current["letters_count"]
            if dossier.appointment_changes.exists():
                dossier.due_date = current["due_date"]
                dossier.appointment_date = current["appointment_date"]
    if dossier.due_date is None:
        dossier.due_date = compute_due_date(
            dossier.procedure, dossier.method_kind, dossier.received_at, calendar, times
        )
    if dossier.appointment_date is None or dossier.appointment_date < dossier.due_date:
        dossier.appointment_date = dossier.due_date
    dossier.full_clean()
    dossier.save()
    if previous != dossier.status_id:
        DossierStatusChange.objects.create(
            dossier=dossier,
            from_status_id=previous,
            to_status_id=dossier.status_id,
            changed_by=user,
            note=note,
        )
    return dossier


def change_status(dossier: Dossier, status_code: int, user=None, note: str = "", at=None):
    """Move a dossier to a status (9 sets finished_at, 10 returned_at) with history."""
    dossier.status_id = status_code
    at = at or timezone.now()
    if status_code == FINISHED and not dossier.finished_at:
        dossier.finished_at = at
    if status_code == RETURNED:
        dossier.finished_at = dossier.finished_at or at
        dossier.returned_at = dossier.returned_at or at
    return save_dossier(dossier, user=user, note=note)
