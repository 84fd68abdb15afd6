"""vietnamese.folding: the fast table folding gives what the definition gives."""

import unicodedata

from vietnamese.folding import _fold_slow, fold, fold_aligned, has_diacritics, raw_tokens, tokens

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


def test_raw_tokens_keep_marks_and_tokens_drop_them():
    assert raw_tokens("Kỷ cương, HÀNH CHÍNH") == ["kỷ", "cương", "hành", "chính"]
    assert tokens("Kỷ cương, HÀNH CHÍNH") == ["ky", "cuong", "hanh", "chinh"]


def test_has_diacritics_tells_marked_words_from_plain_ones():
    assert has_diacritics("kỷ") and has_diacritics("Đê")
    assert not has_diacritics("ky") and not has_diacritics("KY")


def test_fold_aligned_keeps_one_folded_character_per_original():
    text, folded = fold_aligned("Kỷ cương Đê")
    assert folded == "ky cuong de" and len(folded) == len(text)
