"""Parsing: long natural queries are answered with a bounded cost; abuse is refused."""

import pytest

from search.query import (
    MAX_PHRASE,
    MAX_QUERY_LENGTH,
    MAX_REQUIRED,
    MAX_WORDS,
    QueryError,
    parse_query,
)

from .contract_data import AMENDING_TITLE


def test_a_55_syllable_law_title_parses_with_a_bounded_required_set():
    parsed = parse_query(AMENDING_TITLE)
    assert len(parsed.words) == 55
    assert len(parsed.terms) == MAX_REQUIRED
    assert "cua" not in parsed.terms and "mot" not in parsed.terms  # stop-syllables
    assert "cua" in parsed.words and parsed.optional  # they still rank and are marked
    assert len(parsed.phrase) == MAX_PHRASE
    assert not parsed.prefix_last


def test_a_short_query_requires_every_word():
    parsed = parse_query("quy chế của sở")
    assert parsed.terms == ["quy", "che", "cua", "so"] and not parsed.optional
    assert parsed.prefix_word == "so"


def test_a_one_letter_last_word_is_not_a_prefix():
    assert parse_query("luat a").prefix_word == ""


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.004662", "1.004662"),
        ("thủ tục 2.001890.000.00.00.H29", "2.001890.000.00.00.h29"),
        ("1.3. Rà soát", "1.3"),
    ],
)
def test_a_dotted_code_is_one_number_not_its_digit_groups(text, number):
    parsed = parse_query(text)
    assert [n.folded for n in parsed.numbers] == [number]
    assert not {"1", "2", "3", "004662", "000"} & set(parsed.terms)
    assert not parsed.prefix_word


def test_a_document_number_stays_whole_next_to_a_code():
    parsed = parse_query("61/2018/NĐ-CP 1.004662")
    assert [n.folded for n in parsed.numbers] == ["61/2018/nd-cp", "1.004662"]


@pytest.mark.parametrize(
    "text",
    ["x" * (MAX_QUERY_LENGTH + 1), "ab " * (MAX_WORDS + 1), "a\x00b"],
)
def test_abusive_input_is_refused(text):
    with pytest.raises(QueryError):
        parse_query(text)
