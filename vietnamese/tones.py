"""Bỏ dấu thanh: where the tone mark sits on "oa", "oe", "uy".

Vietnamese texts place it two ways, old style on the first vowel ("hoà", "Uỷ ban") and
new style on the second ("hòa", "Ủy ban"); an amending law may write a phrase one way
and the text it amends the other.
"""

import re

_OLD_TONES = {
    f"{base}{toned}": f"{marked}{plain}"
    for base, plain, pairs in (
        ("o", "a", ("àò", "áó", "ảỏ", "ãõ", "ạọ")),
        ("o", "e", ("èò", "éó", "ẻỏ", "ẽõ", "ẹọ")),
        ("u", "y", ("ỳù", "ýú", "ỷủ", "ỹũ", "ỵụ")),
    )
    for toned, marked in pairs
}
_OLD_TONES |= {k.capitalize(): v.capitalize() for k, v in _OLD_TONES.items()}
_OLD_TONE_RE = re.compile(rf"({'|'.join(_OLD_TONES)})(?![\wđ])")


def modern_tones(text: str) -> str:
    """ "hoà", "Uỷ ban" → "hòa", "Ủy ban": one tone placement, same length, so that a
    phrase written in one style is found in a text written in the other."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)
