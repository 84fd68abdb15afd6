"""search.text.fold: the fast table folding gives what the definition gives."""

import unicodedata

from search.text import _fold_slow, fold, tokens

VIETNAMESE = (
    "Điều 5. Phạm vi điều chỉnh – Luật Ban hành văn bản quy phạm pháp luật “số 80/2015/QH13”;"
    " KỶ CƯƠNG, kỷ luật hành chính; Khách đến, được chào hỏi; ĐƯỜNG Đê La Thành; ngày 31/3/2017"
)


def test_fold_drops_every_mark_and_d_with_stroke():
    assert fold("Kỷ cương ĐƯỜNG đê") == "ky cuong duong de"
    assert fold("Nghị định số 30/2020/NĐ-CP") == "nghi dinh so 30/2020/nd-cp"
    assert fold("") == "" and fold(None) == ""


def test_fold_matches_its_definition_on_vietnamese_text_in_any_normal_form():
    for form in ("NFC", "NFD", "NFKC"):
        text = unicodedata.normalize(form, VIETNAMESE)
        assert fold(text) == _fold_slow(text)
    assert tokens(unicodedata.normalize("NFD", "kỷ cương")) == ["ky", "cuong"]


def test_fold_matches_its_definition_on_each_code_point():
    # Latin, Greek, Cyrillic, combining marks, Vietnamese, general punctuation, Hangul.
    for block in (range(0x0000, 0x0600), range(0x1E00, 0x2200), range(0xAC00, 0xAD00)):
        for cp in block:
            if 0xD800 <= cp <= 0xDFFF:
                continue
            ch = chr(cp)
            assert fold(ch) == _fold_slow(ch), hex(cp)
