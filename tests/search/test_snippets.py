"""Snippets of long texts: bounded work, and still the passage around the match."""

from search.snippets import SCAN_CHUNK, highlight


def test_a_match_deep_in_a_long_text_is_shown_and_marked():
    filler = "Nội dung chung của phụ lục. " * (3 * SCAN_CHUNK // 28)
    text = filler + "Giấy phép hoạt động in được cấp lại. " + filler
    snippet = highlight(text, ["giay", "phep"], sequence=["giay", "phep"])
    assert "<mark>Giấy</mark> <mark>phép</mark> hoạt động in" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")


def test_a_long_text_without_a_match_shows_its_beginning_unmarked():
    text = "Quy định về lưu trữ hồ sơ. " * (2 * SCAN_CHUNK // 27)
    snippet = highlight(text, ["giay", "phep"])
    assert snippet.startswith("Quy định về lưu trữ") and "<mark>" not in snippet
