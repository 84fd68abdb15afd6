"""What the one-stop counter watches: the lists behind the dashboard, the admin home
panel and the dossier list's "Theo dõi" filter (one definition for all three)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regulations.calendar.services import WorkCalendar

from ..models import ApologyLetter, Dossier, LetterState
from ..models.status import StatusStage
from ..permissions import dossier_scope

DUE_SOON_DAYS = 2


def due_soon_until(today, calendar=None):
    """The last due date counted as "sắp đến hạn": DUE_SOON_DAYS working days ahead."""
    calendar = calendar or WorkCalendar()
    day = today
    for _step in range(DUE_SOON_DAYS):
        day = calendar.next_working_day(day)
    return day


def received_on(queryset, today):
    tz = timezone.get_current_timezone()
    start = datetime.combine(today, time.min, tz)
    return queryset.filter(received_at__gte=start, received_at__lt=start + timedelta(days=1))


def due_soon(queryset, today):
    return queryset.filter(
        completed_on__isnull=True,
        status__stage=StatusStage.OPEN,
        due_date__gte=today,
        due_date__lte=due_soon_until(today),
    )


def late_open(queryset, today):
    """Being handled (the clock running) and past the due date."""
    return queryset.late(today).filter(completed_on__isnull=True)


def needing_letter(queryset, today):
    """Cần lập phiếu xin lỗi: lateness.needs_letter_q, the rule the report counts too."""
    return queryset.needing_letter(today)


# The dossier list's "Theo dõi" filter: value → (label, queryset function).
WATCH = {
    "hom_nay": (_("Tiếp nhận hôm nay"), received_on),
    "sap_den_han": (_("Đến hạn trong 2 ngày làm việc"), due_soon),
    "qua_han": (_("Đang giải quyết, quá hạn"), late_open),
    "can_phieu": (_("Cần lập phiếu xin lỗi"), needing_letter),
}


def watch(queryset, value, today=None):
    entry = WATCH.get(value)
    if entry is None:
        return queryset
    return entry[1](queryset, today or timezone.localdate())


def letters_awaiting_signoff(user):
    visible = dossier_scope(user, Dossier.objects.all())
    return (
        ApologyLetter.objects.filter(state=LetterState.AWAITING, dossier__in=visible)
        .select_related("dossier", "dossier__procedure", "created_by")
        .order_by("submitted_at", "pk")
    )


def counts(user, today=None) -> dict:
    """The admin home panel's numbers for the dossiers the user sees."""
    today = today or timezone.localdate()
    visible = dossier_scope(user, Dossier.objects.all())
    result = {key: watch(visible, key, today).count() for key in WATCH}
    result["cho_ky"] = letters_awaiting_signoff(user).count()
    return result
