"""Saving a dossier: computing its appointment and recording status changes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.calendar.services import WorkCalendar

from ..models import AppointmentChange, Dossier, DossierStatus, DossierStatusChange
from ..models.dossier import AppointmentKind
from ..models.status import FINISHED, RETURNED, StatusStage
from .appointments import compute_due_date
from .codes import next_dossier_code

PAUSE_REASON = (
    "Thời gian người nộp bổ sung giấy tờ (%(start)s – %(end)s, %(days)s ngày làm việc) "
    "không tính vào thời hạn giải quyết."
)


def _stage(status_id):
    if status_id is None:
        return None
    return DossierStatus.objects.filter(pk=status_id).values_list("stage", flat=True).first()


def _resume_after_pause(dossier: Dossier, previous_status, user, calendar=None):
    """Leaving a paused status (5 Yêu cầu bổ sung giấy tờ): the clock stopped while the
    applicant completed the file, so the due date and the appointment move by the working
    days spent paused (recorded in the appointment history)."""
    if _stage(previous_status) != StatusStage.PAUSED:
        return None
    if _stage(dossier.status_id) == StatusStage.PAUSED:
        return None
    entered = (
        DossierStatusChange.objects.filter(dossier=dossier, to_status_id=previous_status)
        .order_by("-changed_at", "-pk")
        .values_list("changed_at", flat=True)
        .first()
    )
    if entered is None:
        return None
    calendar = calendar or WorkCalendar()
    start = timezone.localtime(entered).date()
    end = timezone.localdate()
    if dossier.completed_on is not None or dossier.finished_at or dossier.returned_at:
        moment = dossier.finished_at or dossier.returned_at
        end = min(end, timezone.localtime(moment).date())
    days = max(calendar.working_days_between(start, end), 0)
    if days <= 0:
        return None
    new_due = _shift(calendar, dossier.due_date, days)
    change = AppointmentChange(
        dossier=dossier,
        kind=AppointmentKind.PAUSE,
        old_date=dossier.due_date,
        new_date=new_due,
        reason=PAUSE_REASON
        % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"), "days": days},
        changed_by=user,
    )
    dossier.due_date = new_due
    dossier.appointment_date = _shift(calendar, dossier.appointment_date, days)
    return change


def _shift(calendar, day, working_days: int):
    for _step in range(working_days):
        day = calendar.next_working_day(day)
    return day


@transaction.atomic
def save_dossier(dossier: Dossier, user=None, note: str = "", calendar=None, times=None):
    """Create or update a dossier: fill the due date when missing, then record the
    status change (if any) in the history. Raises ValidationError, writing nothing."""
    previous = None
    if not dossier.code:
        dossier.code = next_dossier_code(dossier.received_at)
    if dossier.received_at is None:
        dossier.received_at = timezone.now()
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
    pause = None
    if previous is not None and previous != dossier.status_id:
        pause = _resume_after_pause(dossier, previous, user, calendar)
    dossier.full_clean()
    dossier.save()
    if pause is not None:
        pause.save()
    if previous != dossier.status_id:
        DossierStatusChange.objects.create(
            dossier=dossier,
            from_status_id=previous,
            to_status_id=dossier.status_id,
            changed_by=user,
            note=note,
        )
    return dossier


def change_status(
    dossier: Dossier, status_code: int, user=None, note: str = "", at=None, requested_papers=None
):
    """Move a dossier to a status (9 sets finished_at, 10 returned_at) with history.
    Asking for more papers (a paused status) needs the list of papers, shown to the
    applicant on the lookup page."""
    if requested_papers is not None:
        dossier.requested_papers = requested_papers.strip()
    if _stage(status_code) == StatusStage.PAUSED and not dossier.requested_papers.strip():
        raise ValidationError(
            {"requested_papers": _("Ghi rõ giấy tờ người nộp cần bổ sung (mỗi dòng một giấy tờ).")}
        )
    dossier.status_id = status_code
    at = at or timezone.now()
    if status_code == FINISHED and not dossier.finished_at:
        dossier.finished_at = at
    if status_code == RETURNED:
        dossier.finished_at = dossier.finished_at or at
        dossier.returned_at = dossier.returned_at or at
    return save_dossier(dossier, user=user, note=note)
