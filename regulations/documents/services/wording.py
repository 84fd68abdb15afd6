"""Thay thế cụm từ: find a phrase in a provision's text whatever the tone placement.

Vietnamese texts place the tone mark of "oa", "oe", "uy" two ways ("hoà"/"hòa",
"Uỷ"/"Ủy"); an amending law may write a phrase one way and the base the other.
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


def _spans(text: str, wanted: str) -> list[int]:
    spans, start = [], text.find(wanted) if wanted else -1
    while start >= 0:
        spans.append(start)
        start = text.find(wanted, start + len(wanted))
    return spans


def swap_words(value: str, old: str, new: str) -> tuple[str, int]:
    """`value` with every `old` (either tone placement) replaced by `new`; and the count."""
    plain, wanted = modern_tones(value), modern_tones(old)
    spans = _spans(plain, wanted) or _spans(plain.lower(), wanted.lower())
    offset = new.find(old) if old in new else -1
    if offset >= 0:  # "luật sư" → "luật sư Việt Nam": leave the ones already new
        spans = [s for s in spans if value[s - offset : s - offset + len(new)] != new]
    for start in reversed(spans):
        value = value[:start] + new + value[start + len(old) :]
    return value, len(spans)
