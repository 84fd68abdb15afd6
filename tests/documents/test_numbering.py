"""Số, ký hiệu: the forms of docs/domain.md parse into their parts; bad forms are refused."""

import pytest
from django.core.exceptions import ValidationError

from regulations.documents.numbering import fold_number, parse_number


@pytest.mark.parametrize(
    "raw, number, year, type_code, issuer",
    [
        ("30/2020/NĐ-CP", "30", 2020, "NĐ", "CP"),
        ("09/2015/QĐ-TTg", "09", 2015, "QĐ", "TTg"),
        ("80/2015/QH13", "80", 2015, "", "QH13"),
        ("103/2016/QH13", "103", 2016, "", "QH13"),
        ("572/KH-STTTT", "572", None, "KH", "STTTT"),
        ("01/CT-UBND", "01", None, "CT", "UBND"),
        ("359/QĐ-UBND", "359", None, "QĐ", "UBND"),
        ("Số: 572 / KH - STTTT", "572", None, "KH", "STTTT"),
    ],
)
def test_valid_numbers_parse_into_parts(raw, number, year, type_code, issuer):
    parsed = parse_number(raw)
    assert (parsed.number, parsed.year, parsed.type_code, parsed.issuer_code) == (
        number,
        year,
        type_code,
        issuer,
    )


def test_official_letter_has_issuer_then_drafting_unit():
    parsed = parse_number("123/STTTT-VP", default_year=2017)
    assert (parsed.type_code, parsed.issuer_code, parsed.unit_code, parsed.year) == (
        "",
        "STTTT",
        "VP",
        2017,
    )


@pytest.mark.parametrize("raw", ["", "KH-STTTT", "572", "572/", "abc/def/ghi/jkl", "572/KH"])
def test_malformed_numbers_are_refused_with_a_vietnamese_message(raw):
    with pytest.raises(ValidationError) as exc:
        parse_number(raw)
    message = " ".join(exc.value.messages)
    assert "ký hiệu" in message.lower() or "số" in message.lower()


def test_year_out_of_range_is_refused():
    with pytest.raises(ValidationError) as exc:
        parse_number("30/1800/NĐ-CP")
    assert "1800" in exc.value.messages[0]


def test_fold_number_drops_diacritics():
    assert fold_number("30/2020/NĐ-CP") == "30/2020/nd-cp"


@pytest.mark.parametrize("raw", ["100-SL/L.002", "102/SL-L.004", "102-SL/L-004", "21-LCT/HĐNN8"])
def test_old_laws_keep_their_legacy_symbol(raw):
    parsed = parse_number(raw)
    assert parsed.text == raw and parsed.issuer_code.startswith(("SL", "L"))


def test_random_slashes_are_not_taken_for_a_legacy_symbol():
    with pytest.raises(ValidationError):
        parse_number("572-KH/STTTT/x/y")
