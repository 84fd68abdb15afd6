"""Quá hạn: the one place where lateness is derived (never typed in).

A dossier is late when its result was finished or returned after the due date
(hạn giải quyết), or when it is still being handled (stage OPEN) and today is past the
due date. The due date is the appointment computed at receipt, moved only by a
recorded extension (gia hạn); an apology letter re-appoints the applicant
(`appointment_date`) but the dossier stays late.

The clock runs only in statuses of stage OPEN: while the applicant completes the file
(stage PAUSED, status 5 "Yêu cầu bổ sung giấy tờ") a dossier is never late, and when it
leaves that status its dates move by the working days spent waiting
(services/records.py).

A dossier "needs an apology letter" (cần lập phiếu xin lỗi) when it misses its *current*
appointment: the first miss (no letter yet) and every later miss of a re-appointed date
(a second letter). `needs_letter_q` is the one definition: the dashboard counts it, the
report's "quá hạn chưa có phiếu" column counts it (aggregations.py, on every search
engine, over the indexed `appointment_on` and `completed_after_appointment` fields).
A letter moves the appointment only once signed.

LATE and NEEDS_LETTER are declared conditions (search/aggregations.py) over the dossier
item's fields; DOSSIER_COLUMNS says where those fields live on Dossier, so `late_q` and
`needs_letter_q` are the same conditions as Q objects. Item fields vs columns:
the item's `appointment_date` is the due date (Dossier.due_date), its `appointment_on`
the current appointment (Dossier.appointment_date). "Completed after …" compares two
columns and "open" is a status stage: the item carries them as flags computed when it
is indexed (search_items.py), SQL computes them here.
`completed_on` and `completed_delay_days` are denormalised on save from the functions
below, for fast reports.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q
from django.utils import timezone

from regulations.calendar.services import WorkCalendar
from search.aggregations import All, Any, DateOf, Flag, Is, Missing, OrmSource, Range, Today
from search.engines.orm_aggregate import orm_q

from .models.status import DossierStatus, StatusStage


def completion_date(finished_at, returned_at) -> date | None:
    """The local date the result was ready: finished, else returned."""
    moment = finished_at or returned_at
    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def is_late(due_date, completed_on, stage, today: date | None = None) -> bool:
    if due_date is None:
        return False
    if completed_on is not None:
        return completed_on > due_date
    today = today or timezone.localdate()
    return stage == StatusStage.OPEN and today > due_date


def misses_appointment(appointment_date, completed_on, stage, today: date | None = None) -> bool:
    return is_late(appointment_date, completed_on, stage, today)


def open_status_codes() -> list[int]:
    """Codes of the statuses whose stage is OPEN (the clock runs); statuses are data."""
    return list(DossierStatus.objects.filter(stage=StatusStage.OPEN).values_list("code", flat=True))


DOSSIER_COLUMNS = {
    "received_on": DateOf("received_at"),
    "appointment_date": "due_date",
    "appointment_on": "appointment_date",
    "letters": "letters_count",
    "open": Flag(lambda: Q(status_id__in=open_status_codes())),
    "completed_late": Flag(lambda: Q(completed_on__isnull=False, completed_on__gt=F("due_date"))),
    "completed_after_appointment": Flag(
        lambda: Q(completed_on__isnull=False, completed_on__gt=F("appointment_date"))
    ),
}


def _misses(date_field, completed_flag):
    return Any(
        Is(completed_flag, True),
        All(Is("open", True), Missing("completed_on"), Range(date_field, lt=Today())),
    )


LATE = _misses("appointment_date", "completed_late")  # the rule of is_late
NEEDS_LETTER = _misses("appointment_on", "completed_after_appointment")
OPEN_LATE = All(Is("open", True), Missing("completed_on"), Range("appointment_date", lt=Today()))

_COLUMNS = OrmSource(queryset=None, fields=DOSSIER_COLUMNS)


def late_q(today: date | None = None) -> Q:
    """The same rule as `is_late`, as a filter on Dossier (no join: status codes inline)."""
    return orm_q(_COLUMNS, LATE, today=today)


def needs_letter_q(today: date | None = None) -> Q:
    """Cần lập phiếu xin lỗi: misses its current appointment (first miss or a missed
    re-appointment). The one definition behind the dashboard and the report."""
    return orm_q(_COLUMNS, NEEDS_LETTER, today=today)


def delay_days(due_date, completed_on, stage, today=None, calendar=None) -> int:
    """Working days past the due date (0 when not late)."""
    if not is_late(due_date, completed_on, stage, today):
        return 0
    calendar = calendar or WorkCalendar()
    end = completed_on or today or timezone.localdate()
    return max(calendar.working_days_between(due_date, end), 0)
