"""Báo cáo hồ sơ quá hạn theo đơn vị và kỳ, from the declared aggregations
(dossiers/aggregations.py) on the configured search engine.

Rows:
{unit_id, unit_name, received, late, letters, late_without_letter, average_delay}
for the dossiers received in [date_from, date_to] (local dates, both optional):
- late: lateness.py's rule as of `today`;
- letters: apology letters issued for those dossiers;
- late_without_letter: "cần lập phiếu xin lỗi", lateness.needs_letter_q (the rule the
  dashboard counts too): late dossiers missing their current appointment with no signed
  letter for that miss (a first miss, or a missed re-appointment); should be 0;
- average_delay: mean working days past the due date over the late dossiers (None if none).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils import timezone

from regulations.calendar.services import WorkCalendar
from regulations.organisation.models import Unit
from search.service import aggregate

from ..aggregations import LATE_DOSSIERS, OPEN_LATE_BY_DUE_DATE


def _parse(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def late_dossiers_by_unit(date_from=None, date_to=None, unit_ids=None, today=None):
    """The report's rows, from the declared aggregations on the configured engine."""
    today = _parse(today) or timezone.localdate()
    params = {"date_from": date_from, "date_to": date_to, "unit_ids": unit_ids, "today": today}
    params = {k: v for k, v in params.items() if v is not None}
    # Open late dossiers: delay counted to today, grouped by due date (few distinct dates).
    open_delay: dict[int, int] = defaultdict(int)
    calendar = WorkCalendar()
    for row in aggregate(OPEN_LATE_BY_DUE_DATE, **params):
        days = max(calendar.working_days_between(row["due_date"], today), 0)
        open_delay[row["unit_id"]] += days * row["count"]
    names = dict(Unit.objects.values_list("id", "name"))
    result = []
    for row in aggregate(LATE_DOSSIERS, **params):
        total_delay = row["completed_delay"] + open_delay.get(row["unit_id"], 0)
        result.append(
            {
                "unit_id": row["unit_id"],
                "unit_name": names.get(row["unit_id"], ""),
                "received": row["received"],
                "late": row["late"],
                "letters": row["letters"],
                "late_without_letter": row["late_without_letter"],
                "average_delay": round(total_delay / row["late"], 2) if row["late"] else None,
            }
        )
    result.sort(key=lambda r: (-r["late"], r["unit_name"]))
    return result


def totals(rows) -> dict:
    late = sum(r["late"] for r in rows)
    delay_sum = sum((r["average_delay"] or 0) * r["late"] for r in rows)
    return {
        "unit_name": "Tổng cộng",
        "received": sum(r["received"] for r in rows),
        "late": late,
        "letters": sum(r["letters"] for r in rows),
        "late_without_letter": sum(r["late_without_letter"] for r in rows),
        "average_delay": round(delay_sum / late, 2) if late else None,
    }


def late_report(date_from=None, date_to=None, unit_ids=None, today=None):
    """The function views call (late_dossiers_by_unit, named for the view)."""
    return late_dossiers_by_unit(date_from, date_to, unit_ids, today)
