"""What the search module indexes of the one-stop counter: "dossier" items (staff-only).

Data fields (declared with their types in DOSSIER_FIELDS): unit_id, unit_name,
procedure_id, status, received_on, appointment_date (the due date lateness is measured
against), finished_on, returned_on, late, letters, delay_days (late and delay_days as of
indexing, for display). No personal data is indexed.

Lateness changes with the calendar, not only with saves, so the items also carry
what an engine needs to derive it on the day of the query: completed_on,
completed_late, completed_delay_days and open (the clock is running; not while the
applicant completes the file), plus appointment_on (the current appointment, moved by
signed apology letters) and completed_after_appointment, for the "needs a letter" rule
(lateness.needs_letter_q). The figures over them are declared in aggregations.py.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import scope
from search.registry import SearchItem

from .aggregations import AGGREGATIONS
from .models import ApologyLetter, Dossier
from .models.status import StatusStage
from .permissions import dossier_unit_ids

DOSSIER_FIELDS = {
    "unit_id": "long",
    "unit_name": "keyword",
    "procedure_id": "long",
    "status": "keyword",
    "received_on": "date",
    "appointment_date": "date",
    "finished_on": "date",
    "returned_on": "date",
    "late": "boolean",
    "letters": "integer",
    "delay_days": "integer",
    "completed_on": "date",
    "completed_late": "boolean",
    "completed_delay_days": "integer",
    "open": "boolean",
    "appointment_on": "date",
    "completed_after_appointment": "boolean",
}


def _local_date(value):
    return timezone.localtime(value).date() if value else None


def _delay(dossier, late, today):
    if not late:
        return 0
    if dossier.completed_on is not None:
        return dossier.completed_delay_days or 0
    return dossier.delay_days(today)


def dossier_items(dossier: Dossier):
    today = timezone.localdate()
    late = dossier.is_late(today)
    yield SearchItem(
        kind="dossier",
        key=f"dossier:{dossier.pk}",
        title=f"Hồ sơ {dossier.code}",
        url=reverse("dossiers_admin:detail", args=[dossier.pk]),
        number=dossier.code,
        body=dossier.procedure.name,
        date=_local_date(dossier.received_at),
        public=False,
        scope_key=scope.unit_key(dossier.unit_id),
        facets={"unit": dossier.unit.name, "status": dossier.status.name},
        data={
            "unit_id": dossier.unit_id,
            "unit_name": dossier.unit.name,
            "procedure_id": dossier.procedure_id,
            "status": dossier.status_id,
            "received_on": _local_date(dossier.received_at),
            "appointment_date": dossier.due_date,
            "finished_on": _local_date(dossier.finished_at),
            "returned_on": _local_date(dossier.returned_at),
            "late": late,
            "letters": dossier.letters_count,
            "delay_days": _delay(dossier, late, today),
            "completed_on": dossier.completed_on,
            "completed_late": bool(
                dossier.completed_on
                and dossier.due_date
                and dossier.completed_on > dossier.due_date
            ),
            "completed_delay_days": dossier.completed_delay_days or 0,
            "open": dossier.stage == StatusStage.OPEN,
            "appointment_on": dossier.appointment_date,
            "completed_after_appointment": bool(
                dossier.completed_on
                and dossier.appointment_date
                and dossier.completed_on > dossier.appointment_date
            ),
        },
    )


def dossier_search_scope(user):
    """Search shows the dossiers the admin listing shows (permissions.dossier_scope)."""
    return scope.units(dossier_unit_ids(user))


def register(registry):
    registry.register_label("dossier", _("Hồ sơ"))
    registry.register_facet("unit", _("Đơn vị"))
    registry.register_facet("status", _("Tình trạng"))
    registry.register_model(
        Dossier,
        "dossier",
        dossier_items,
        queryset=lambda: Dossier.objects.select_related("unit", "status", "procedure"),
        owners={ApologyLetter: lambda letter: [letter.dossier]},
        data_fields=DOSSIER_FIELDS,
    )
    registry.register_scope("dossier", dossier_search_scope)
    for aggregation in AGGREGATIONS:
        registry.register_aggregation(aggregation)
