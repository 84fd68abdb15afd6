"""vietnamese.numbers: figures with Vietnamese separators, document numbers in a text."""

from vietnamese.numbers import find_document_numbers, vietnamese_number


def test_numbers_use_dots_for_thousands_and_a_comma_for_decimals():
    assert vietnamese_number(1234567.5, 1) == "1.234.567,5"
    assert vietnamese_number(1234567) == "1.234.567"
    assert vietnamese_number(None) == ""


def test_document_numbers_are_found_whole_in_running_text():
    text = "Căn cứ Nghị định số 30/2020/NĐ-CP và Kế hoạch 572/KH-STTTT."
    assert find_document_numbers(text) == ["30/2020/NĐ-CP", "572/KH-STTTT"]
    assert find_document_numbers("Luật số 80/2015/QH13") == ["80/2015/QH13"]
    assert find_document_numbers(None) == []
