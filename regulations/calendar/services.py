"""Working-day arithmetic (tính ngày làm việc) for appointment dates and delays.

Rule for counting a processing time (documented in README "One-stop dossiers"):

- A working day has two sessions: morning 08:00-12:00 and afternoon 13:00-17:00;
  processing times are counted in half days (0.5 day = one session).
- Counting starts with the first whole session after receipt: received on a working day
  before 08:00 → from that morning; from 08:00 to before 13:00 → from that afternoon;
  from 13:00 (including after working hours, 17:00) → from the next working day's
  morning; received on a day off → from the next working day's morning.
- The result is the end of the last counted session (12:00 or 17:00), so 1 day received
  on Monday 09:00 ends Tuesday 12:00, and received Monday 14:00 ends Tuesday 17:00.

Weekends are off unless a Holiday row makes them a make-up working day; weekdays are
on unless a Holiday row makes them a holiday or an extra day off.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from .models import Holiday

MORNING_START = time(8, 0)
MORNING_END = time(12, 0)
AFTERNOON_START = time(13, 0)
AFTERNOON_END = time(17, 0)


class WorkCalendar:
    """The working-day rules loaded once (one query); reuse one for a batch of dossiers."""

    def __init__(self, overrides: dict[date, str] | None = None):
        if overrides is None:
            overrides = dict(Holiday.objects.values_list("date", "kind"))
        self.overrides = overrides
        self._cache: dict[date, bool] = {}

    def is_working_day(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        kind = self.overrides.get(day)
        if kind == "lam_bu":
            result = True
        elif kind in ("le_tet", "nghi_bu"):
            result = False
        else:
            result = day.weekday() < 5
        self._cache[day] = result
        return result

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        for _ in range(400):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError("Không tìm thấy ngày làm việc trong 400 ngày.")

    def add_working_days(self, start: datetime | date, days) -> datetime:
        """The moment a processing time of `days` working days (halves allowed) ends."""
        halves = _half_days(days)
        tz = timezone.get_current_timezone()
        if isinstance(start, datetime):
            local = timezone.localtime(start, tz) if timezone.is_aware(start) else start
            day, moment = local.date(), local.time()
        else:
            day, moment = start, MORNING_START
        # The first counted session: (day, 0 = morning / 1 = afternoon).
        if not self.is_working_day(day):
            session = (self.next_working_day(day), 0)
        elif moment < MORNING_START:
            session = (day, 0)
        elif moment < AFTERNOON_START:
            session = (day, 1)
        else:
            session = (self.next_working_day(day), 0)
        if halves == 0:
            begin = MORNING_START if session[1] == 0 else AFTERNOON_START
            return timezone.make_aware(datetime.combine(session[0], begin), tz)
        day, half = session
        for _ in range(halves - 1):
            if half == 0:
                half = 1
            else:
                day, half = self.next_working_day(day), 0
        end = MORNING_END if half == 0 else AFTERNOON_END
        return timezone.make_aware(datetime.combine(day, end), tz)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (negative when end is before start).

        Weekdays are counted arithmetically, then each override in the range corrects
        the count, so a range of years costs no more than a range of days."""
        if isinstance(start, datetime):
            start = timezone.localtime(start).date()
        if isinstance(end, datetime):
            end = timezone.localtime(end).date()
        if end == start:
            return 0
        sign, low, high = (1, start, end) if end > start else (-1, end, start)
        count = _weekdays_upto(high) - _weekdays_upto(low)
        for day, kind in self._overrides_between(low, high):
            weekday = day.weekday() < 5
            if kind == "lam_bu" and not weekday:
                count += 1
            elif kind in ("le_tet", "nghi_bu") and weekday:
                count -= 1
        return sign * count

    def _overrides_between(self, low: date, high: date):
        if not hasattr(self, "_sorted"):
            self._sorted = sorted(self.overrides.items())
            self._keys = [day for day, _kind in self._sorted]
        first = bisect_right(self._keys, low)
        last = bisect_right(self._keys, high)
        return self._sorted[first:last]


def _weekdays_upto(day: date) -> int:
    """Monday-Friday days from a fixed Monday (0001-01-01) up to and including `day`."""
    ordinal = day.toordinal()  # 1 = Monday 0001-01-01
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _half_days(days) -> int:
    try:
        value = Decimal(str(days))
    except Exception as exc:  # noqa: BLE001 - any unparsable value is a user error
        raise ValueError(f"Số ngày không hợp lệ: {days!r}") from exc
    if value < 0:
        raise ValueError("Số ngày làm việc không thể âm.")
    halves = (value * 2).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    if halves != value * 2:
        raise ValueError("Số ngày làm việc phải là bội số của 0,5 ngày.")
    return int(halves)


def is_working_day(day: date) -> bool:
    return WorkCalendar().is_working_day(day)


def add_working_days(start: datetime | date, days) -> datetime:
    """See the module docstring for the counting rule; returns an aware datetime."""
    return WorkCalendar().add_working_days(start, days)


def working_days_between(start: date, end: date) -> int:
    return WorkCalendar().working_days_between(start, end)
