"""vietnamese.case: upper-case lines, the first capital of a citation, sentence case."""

from vietnamese.case import is_upper, sentence_case, upper_first


def test_is_upper_looks_at_letters_only():
    assert is_upper("QUYẾT ĐỊNH SỐ 30/2020")
    assert not is_upper("Quyết định")
    assert not is_upper("2017 – 2020") and not is_upper("") and not is_upper(None)


def test_sentence_case_lowers_an_upper_case_heading_but_its_first_letter():
    assert sentence_case("BAN HÀNH   VĂN BẢN") == "Ban hành văn bản"
    assert sentence_case("ĐỔI MỚI") == "Đổi mới"


def test_sentence_case_keeps_a_line_that_has_small_letters():
    assert sentence_case("Về  Năm kỷ cương Hà Nội") == "Về Năm kỷ cương Hà Nội"
    assert sentence_case("") == "" and sentence_case(None) == ""


def test_upper_first_capitalises_a_citation_and_keeps_the_rest():
    assert upper_first("điểm a khoản 2 Điều 5 Luật") == "Điểm a khoản 2 Điều 5 Luật"
    assert upper_first("") == ""
