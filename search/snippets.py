"""Highlighted snippets, made the same way for every engine.

The text is HTML-escaped; only our own <mark> tags are added. Matching is on
folded words, so a diacritic-free query highlights the words with diacritics.
"""

import re
from functools import lru_cache

from django.utils.html import escape

from .text import fold_aligned

SNIPPET_LENGTH = 240


WINDOW = 4000


def _window(text, words, length):
    """The part of a long text around its first match (folding only what is needed)."""
    pattern = _pattern(tuple(sorted(set(words), key=len, reverse=True)))
    for begin in range(0, len(text), WINDOW):
        chunk = text[begin : begin + WINDOW + 100]
        match = pattern.search(fold_aligned(chunk)[1])
        if match:
            first = begin + match.start()
            lo = max(0, first - length)
            hi = min(len(text), first + 2 * length)
            return text[lo:hi], lo > 0, hi < len(text)
    return text[: 2 * length], False, len(text) > 2 * length


@lru_cache(maxsize=256)
def _pattern(words: tuple) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*")


def highlight(text: str, words: list[str], length: int | None = SNIPPET_LENGTH) -> str:
    """An escaped excerpt of `text` around the first match, matches in <mark>."""
    text = text or ""
    if length and len(text) > WINDOW and words:
        text, cut_before, cut_after = _window(text, words, length)
    else:
        cut_before = cut_after = False
    original, folded = fold_aligned(text)
    spans = []
    if words:
        pattern = _pattern(tuple(sorted(set(words), key=len, reverse=True)))
        spans = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    start, end = 0, len(original)
    if length and len(original) > length:
        first = spans[0][0] if spans else 0
        start = max(0, first - length // 4)
        # begin at a word boundary
        if start:
            space = original.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(original), start + length)
        if end < len(original):
            space = original.rfind(" ", start, end)
            end = space if space > first else end
    out, pos = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(original[pos:s]))
        out.append(f"<mark>{escape(original[s:e])}</mark>")
        pos = e
    out.append(escape(original[pos:end]))
    html = "".join(out)
    if start > 0 or cut_before:
        html = "…" + html
    if end < len(original) or cut_after:
        html += "…"
    return html
