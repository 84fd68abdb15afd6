"""Highlighted snippets, made the same way for every engine.

The text is HTML-escaped; only our own <mark> tags are added. Matching is on
folded words, so a diacritic-free query highlights the words with diacritics.
"""

import re

from django.utils.html import escape

from .text import fold_aligned

SNIPPET_LENGTH = 240


def highlight(text: str, words: list[str], length: int | None = SNIPPET_LENGTH) -> str:
    """An escaped excerpt of `text` around the first match, matches in <mark>."""
    original, folded = fold_aligned(text or "")
    spans = []
    if words:
        alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*")
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
    if start > 0:
        html = "…" + html
    if end < len(original):
        html += "…"
    return html
