"""vietnamese.tones: old and new tone placement on oa, oe, uy read alike."""

from vietnamese.tones import modern_tones


def test_old_style_tone_marks_move_to_the_second_vowel():
    assert modern_tones("hoà giải, Uỷ ban, khoẻ") == "hòa giải, Ủy ban, khỏe"


def test_new_style_text_and_longer_words_are_left_alone():
    assert modern_tones("hòa giải, Ủy ban") == "hòa giải, Ủy ban"
    assert modern_tones("hoàng, thuỷ") == "hoàng, thủy"  # "oàng" is not a final "oà"
    assert len(modern_tones("Uỷ ban nhân dân")) == len("Uỷ ban nhân dân")
