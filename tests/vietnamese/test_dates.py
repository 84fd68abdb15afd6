"""vietnamese.dates: dates in words (written and read back) and dd/mm/yyyy."""

import re
from datetime import date, datetime

from vietnamese.dates import (
    DATE_IN_WORDS,
    find_written_date,
    parse_day,
    short_date,
    vietnamese_date,
)


def test_date_in_words_follows_decree_30_leading_zeros():
    assert vietnamese_date(date(2017, 3, 31), "Hà Nội") == "Hà Nội, ngày 31 tháng 3 năm 2017"
    assert vietnamese_date(date(2017, 1, 5)) == "ngày 05 tháng 01 năm 2017"
    assert vietnamese_date(date(2017, 12, 5)) == "ngày 05 tháng 12 năm 2017"
    assert vietnamese_date(None, "Hà Nội") == ""


def test_a_date_written_in_words_is_read_back():
    written = vietnamese_date(date(2015, 6, 22), "Hà Nội")
    assert find_written_date(written) == date(2015, 6, 22)
    assert find_written_date("Hà Nội, NGÀY 21 THÁNG 11 NĂM 2007") == date(2007, 11, 21)


def test_a_date_in_figures_after_ngay_is_read_too():
    assert find_written_date("LUẬT SỐ 102-SL/L-004 NGÀY 20-5-1957") == date(1957, 5, 20)
    assert find_written_date("ngày 31/3/2017") == date(2017, 3, 31)


def test_an_impossible_written_date_is_skipped_for_the_next_one():
    text = "ngày 31 tháng 2 năm 2017, sửa ngày 1 tháng 3 năm 2017"
    assert find_written_date(text) == date(2017, 3, 1)
    assert find_written_date("không có ngày") is None and find_written_date(None) is None


def test_date_in_words_pattern_finds_the_date_after_a_phrase():
    pattern = re.compile(rf"thông\s+qua\s+({DATE_IN_WORDS})")
    found = pattern.search("Luật này được Quốc hội thông qua ngày 22 tháng 6 năm 2015.")
    assert found[1] == "ngày 22 tháng 6 năm 2015"


def test_short_date_is_day_month_year_with_zeros():
    assert short_date(date(2017, 3, 5)) == "05/03/2017"
    assert short_date(datetime(2017, 3, 5, 14, 30)) == "05/03/2017"
    assert short_date(None) == ""


def test_parse_day_reads_day_first_and_iso_dates():
    assert parse_day("31/03/2017") == parse_day("2017-03-31") == date(2017, 3, 31)
    assert parse_day("8/12/2026") == parse_day("8-12-2026") == date(2026, 12, 8)
    assert parse_day("31/02/2017") is None and parse_day("") is None and parse_day("x") is None
