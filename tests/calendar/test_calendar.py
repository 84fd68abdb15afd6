"""Working-days calendar: weekends, Tết, long weekends, make-up days, half days."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from regulations.calendar.models import DayKind, Holiday
from regulations.calendar.services import (
    add_working_days,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db


def at(y, m, d, hh=9, mm=0):
    return timezone.make_aware(datetime(y, m, d, hh, mm))


def local(value):
    return timezone.localtime(value).replace(tzinfo=None)


def test_seeded_holidays_2017_2018_are_days_off():
    for day in [
        date(2017, 1, 2),  # in lieu of Sunday 1/1
        date(2017, 1, 26),
        date(2017, 2, 1),
        date(2017, 4, 6),  # Giỗ Tổ 10/3 âm lịch
        date(2017, 5, 2),  # in lieu of Sunday 30/4
        date(2017, 9, 4),  # in lieu of Saturday 2/9
        date(2018, 2, 14),
        date(2018, 2, 20),
        date(2018, 4, 25),
        date(2018, 4, 30),
        date(2018, 5, 1),
        date(2018, 9, 3),
    ]:
        assert not is_working_day(day), day
    assert is_working_day(date(2017, 2, 2))
    assert is_working_day(date(2018, 2, 21))


def test_weekends_are_off_and_make_up_saturday_is_a_working_day():
    assert not is_working_day(date(2017, 3, 4))  # Saturday
    assert not is_working_day(date(2017, 3, 5))  # Sunday
    assert is_working_day(date(2017, 3, 6))
    assert Holiday.objects.get(date=date(2019, 1, 5)).kind == DayKind.MAKE_UP_WORKING_DAY
    assert is_working_day(date(2019, 1, 5))  # Saturday make-up day
    assert not is_working_day(date(2018, 12, 31))  # swapped for it


def test_processing_across_tet_2017_skips_the_whole_break():
    # Wednesday 25/1 morning + 3 days: that afternoon, then Tết 26/1-1/2 off, 2/2, 3/2, 6/2.
    assert local(add_working_days(at(2017, 1, 25, 9), 3)) == datetime(2017, 2, 6, 12, 0)


def test_processing_across_tet_2018():
    # Tuesday 13/2/2018 14:00 + 1 day: counting starts after Tết, on Wednesday 21/2.
    assert local(add_working_days(at(2018, 2, 13, 14), 1)) == datetime(2018, 2, 21, 17, 0)


def test_processing_across_the_30_4_long_weekend_2017():
    # Friday 28/4 10:00 + 1 day: Friday afternoon, then 29/4-2/5 off, Wednesday 3/5 morning.
    assert local(add_working_days(at(2017, 4, 28, 10), 1)) == datetime(2017, 5, 3, 12, 0)


def test_processing_across_national_day_2017_and_giỗ_tổ():
    # Friday 1/9 15:00 + 1 day: 2/9 Saturday, 3/9 Sunday, 4/9 off in lieu → Tuesday 5/9.
    assert local(add_working_days(at(2017, 9, 1, 15), 1)) == datetime(2017, 9, 5, 17, 0)
    # Wednesday 5/4 14:00 + 1 day: 6/4 Giỗ Tổ → Friday 7/4.
    assert local(add_working_days(at(2017, 4, 5, 14), 1)) == datetime(2017, 4, 7, 17, 0)


def test_make_up_saturday_counts_as_a_working_day():
    # Friday 4/1/2019 14:00 + 1 day → Saturday 5/1/2019 (make-up day), 17:00.
    assert local(add_working_days(at(2019, 1, 4, 14), 1)) == datetime(2019, 1, 5, 17, 0)
    # Friday 28/12/2018 14:00 + 1 day: 29-30 weekend, 31/12 swapped, 1/1 holiday → 2/1/2019.
    assert local(add_working_days(at(2018, 12, 28, 14), 1)) == datetime(2019, 1, 2, 17, 0)


def test_half_days():
    monday = (2017, 3, 6)
    assert local(add_working_days(at(*monday, 9), "0.5")) == datetime(2017, 3, 6, 17, 0)
    assert local(add_working_days(at(*monday, 14), "0.5")) == datetime(2017, 3, 7, 12, 0)
    assert local(add_working_days(at(*monday, 9), "1.5")) == datetime(2017, 3, 7, 17, 0)
    assert local(add_working_days(at(*monday, 14), "1.5")) == datetime(2017, 3, 8, 12, 0)


def test_receipt_outside_working_hours():
    # Before 08:00 the whole day counts; after 17:00 counting starts the next working day.
    assert local(add_working_days(at(2017, 3, 6, 7, 30), 1)) == datetime(2017, 3, 6, 17, 0)
    assert local(add_working_days(at(2017, 3, 6, 18, 0), 1)) == datetime(2017, 3, 7, 17, 0)
    # Received on Saturday → from Monday morning.
    assert local(add_working_days(at(2017, 3, 4, 10, 0), 1)) == datetime(2017, 3, 6, 17, 0)


def test_invalid_day_counts_are_rejected():
    with pytest.raises(ValueError):
        add_working_days(at(2017, 3, 6), "0.3")
    with pytest.raises(ValueError):
        add_working_days(at(2017, 3, 6), -1)


def test_working_days_between_across_tet_and_backwards():
    assert working_days_between(date(2017, 1, 25), date(2017, 2, 3)) == 2
    assert working_days_between(date(2017, 2, 3), date(2017, 1, 25)) == -2
    assert working_days_between(date(2017, 3, 6), date(2017, 3, 6)) == 0
    assert working_days_between(date(2017, 3, 3), date(2017, 3, 6)) == 1  # Fri → Mon


def test_calendar_is_data_an_added_day_off_moves_appointments():
    before = add_working_days(at(2017, 3, 6, 14), 1)
    Holiday.objects.create(date=date(2017, 3, 7), name="Nghỉ đột xuất", kind=DayKind.EXTRA_DAY_OFF)
    after = add_working_days(at(2017, 3, 6, 14), 1)
    assert local(before) == datetime(2017, 3, 7, 17, 0)
    assert local(after) == datetime(2017, 3, 8, 17, 0)
    assert Holiday.objects.get(date=date(2017, 3, 7)).year == 2017


def test_make_up_day_on_a_weekday_is_invalid():
    holiday = Holiday(date=date(2017, 3, 8), name="Sai", kind=DayKind.MAKE_UP_WORKING_DAY)
    with pytest.raises(ValidationError) as exc:
        holiday.full_clean()
    assert "kind" in exc.value.message_dict


def test_working_days_between_matches_day_by_day_counting():
    from datetime import timedelta

    from regulations.calendar.services import WorkCalendar

    calendar = WorkCalendar()
    start = date(2016, 12, 20)
    for offset in range(0, 800, 7):
        for span in (0, 1, 3, 9, 40, 400):
            a = start + timedelta(days=offset)
            b = a + timedelta(days=span)
            expected = sum(
                calendar.is_working_day(a + timedelta(days=n)) for n in range(1, span + 1)
            )
            assert calendar.working_days_between(a, b) == expected, (a, b)
            assert calendar.working_days_between(b, a) == -expected
