"""Hồ sơ quá hạn theo đơn vị: the one-stop counter's figures, declared once.

The conditions of lateness.py (LATE, NEEDS_LETTER: late = completed after the due date,
or still in an OPEN status, not completed, with the due date before the query date;
needs a letter = the same against the *current* appointment), counted per unit by
declarations (search/aggregations.py) that every engine runs; services/reports.py turns
the rows into the report. The average delay counts working days, which needs the
calendar: the delay of a completed dossier is indexed (completed_delay_days), and for
open late dossiers OPEN_LATE_BY_DUE_DATE gives the counts per due date, from which
the report adds the working days to the query date (few distinct due dates).
"""

from regulations.organisation.models import Unit
from search.aggregations import (
    Aggregation,
    Count,
    Day,
    In,
    Is,
    OrmSource,
    Param,
    Range,
    Sum,
)

from .lateness import DOSSIER_COLUMNS, LATE, NEEDS_LETTER, OPEN_LATE
from .models import Dossier


def dossiers(params):
    """The dossiers, with a plan hint: with a received-date range and no unit list,
    every unit is listed so that SQLite walks the covering index (unit, received_at, …)
    range by range instead of reading rows through received_at (1M rows: 3 s → 0.3 s).
    Every dossier has a unit, so this changes nothing but the plan."""
    qs = Dossier.objects.all()
    if params.get("unit_ids") is None and (params.get("date_from") or params.get("date_to")):
        qs = qs.filter(unit_id__in=list(Unit.objects.values_list("id", flat=True)))
    return qs


DOSSIERS = OrmSource(queryset=dossiers, fields=DOSSIER_COLUMNS)

PERIOD = (
    In("unit_id", Param("unit_ids")),
    Range("received_on", gte=Param("date_from"), lte=Param("date_to")),
)

LATE_DOSSIERS = Aggregation(
    name="late_dossiers_by_unit",
    kind="dossier",
    doc="Per unit, dossiers received in the period: received, late, letters, …",
    group_by={"unit_id": "unit_id"},
    filters=PERIOD,
    measures={
        "received": Count(),
        "late": Count(LATE),
        "letters": Sum("letters"),
        "late_without_letter": Count(NEEDS_LETTER),
        "completed_delay": Sum("completed_delay_days", where=Is("completed_late", True)),
    },
    orm=DOSSIERS,
)

OPEN_LATE_BY_DUE_DATE = Aggregation(
    name="open_late_dossiers_by_due_date",
    kind="dossier",
    doc="Open late dossiers received in the period, per unit and due date.",
    group_by={"unit_id": "unit_id", "due_date": Day("appointment_date")},
    filters=(*PERIOD, OPEN_LATE),
    measures={"count": Count()},
    orm=DOSSIERS,
)

AGGREGATIONS = [LATE_DOSSIERS, OPEN_LATE_BY_DUE_DATE]
