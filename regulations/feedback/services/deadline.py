"""Hạn trả lời phản ánh: 10 working days from receipt (FEEDBACK_ANSWER_WORKING_DAYS).

Working days come from regulations.calendar (weekends, public holidays, make-up days);
without it the same number of calendar days is used.
"""

import importlib
import importlib.util
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone


def answer_days() -> int:
    return int(getattr(settings, "FEEDBACK_ANSWER_WORKING_DAYS", 10))


def answer_deadline(received: datetime | date, days: int | None = None) -> date:
    days = answer_days() if days is None else days
    if importlib.util.find_spec("regulations.calendar.services") is not None:
        calendar = importlib.import_module("regulations.calendar.services")
        add_working_days = getattr(calendar, "add_working_days", None)
        if add_working_days is not None:
            end = add_working_days(received, days)
            if isinstance(end, datetime):
                return timezone.localtime(end).date() if timezone.is_aware(end) else end.date()
            return end
    start = received
    if isinstance(start, datetime):
        start = timezone.localtime(start).date() if timezone.is_aware(start) else start.date()
    return start + timedelta(days=days)
