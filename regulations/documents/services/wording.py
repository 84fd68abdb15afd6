"""Thay thế cụm từ: find a phrase in a provision's text whatever the tone placement
("hoà"/"hòa", "Uỷ"/"Ủy": vietnamese.tones)."""

from vietnamese.tones import modern_tones


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
