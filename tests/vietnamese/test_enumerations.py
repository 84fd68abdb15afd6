"""vietnamese.enumerations: điểm letters, roman numerals, ordinal words."""

import re

from vietnamese.enumerations import (
    POINT_LETTERS,
    ROMAN_NUMERAL,
    ordinal_value,
    point_rank,
    points_between,
    roman,
)


def test_point_letters_follow_the_vietnamese_alphabet_without_f_j_w_z():
    assert POINT_LETTERS.startswith("abcdđeg")
    assert not set("fjwz") & set(POINT_LETTERS)


def test_d_with_stroke_ranks_between_d_and_e():
    assert point_rank("d") < point_rank("đ") < point_rank("e")
    assert point_rank("") == -1
    assert point_rank("f") > point_rank("y")  # not a điểm letter: after every valid one


def test_points_between_expands_a_range_of_points_in_vietnamese_order():
    assert points_between("b", "đ") == ["c", "d", "đ"]
    assert points_between("a", "a") == []
    assert points_between("a", "f") == []


def test_roman_writes_lower_case_numerals():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "i", "iv", "ix", "xiv", "xl", "xc", "cd", "mcmxciv",
    ]  # fmt: skip
    assert roman(0) == ""


def test_roman_numeral_pattern_matches_headings_numbers():
    pattern = re.compile(rf"^Chương ({ROMAN_NUMERAL})$")
    assert pattern.match("Chương XIV")[1] == "XIV"
    assert pattern.match("Chương 14") is None


def test_ordinal_words_give_the_number_of_a_part():
    assert ordinal_value("nhất") == ordinal_value("Một") == 1
    assert ordinal_value("tư") == ordinal_value("bốn") == 4
    assert ordinal_value("mười") == 10
    assert ordinal_value("mười một") is None
