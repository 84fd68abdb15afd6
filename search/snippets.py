"""Highlighted snippets, made the same way for every engine.

The text is HTML-escaped; only our own <mark> tags are added. Matching is on
folded words, so a diacritic-free query highlights the words with diacritics.

The marks are the words that matched the query: whole words, the last one also as
a prefix (as the engines match it). The snippet is the item's best passage, not its
first match: the window with the longest run of the query's words in order (phrase
first), then the most distinct query words. Sentences the other hits of the page
share word for word ("Bước 1: … thủ tục …", `shared_segments`) do not count when
another passage matches, so each hit shows its own text.

Cost is bounded per hit, whatever the text's length: a long text is searched in
chunks of SCAN_CHUNK characters, and the search stops at the first chunk with a
match (one provision of the corpus holds 109,000 characters; folding and scanning
all of it took longer than the whole query). Only a text whose first chunks do not
match is read further, up to MAX_SCAN.
"""

import re
from functools import lru_cache

from django.utils.html import escape

from vietnamese.folding import fold_aligned

SNIPPET_LENGTH = 240
MAX_SCAN = 200_000  # characters of a long text searched for a match
SCAN_CHUNK = 6_000  # characters searched at a time; the first chunk that matches is used
MAX_SPANS = 400  # matches weighed when choosing it
_GAP = re.compile(r"[\W_]*")
_SEGMENT = re.compile(r"[^\n.;:!?]+[.;:!?]*")
MIN_SHARED = 12  # characters: shorter sentences ("Bước 3:") are not boilerplate


def segments(text: str) -> set[str]:
    """The sentences (and clauses) of a text, as shared_segments compares them."""
    found = (m.group().strip() for m in _SEGMENT.finditer(text or ""))
    return {s for s in found if len(s) >= MIN_SHARED}


def shared_segments(texts) -> frozenset[str]:
    """Sentences found in more than one of `texts` (the hits of one page)."""
    seen, shared = set(), set()
    for text in texts:
        own = segments((text or "")[:SCAN_CHUNK])
        shared |= own & seen
        seen |= own
    return frozenset(shared)


def _own(original, spans, shared):
    """The spans outside the shared sentences (all spans when none is outside)."""
    if not shared:
        return spans
    ranges = [
        (m.start(), m.end()) for m in _SEGMENT.finditer(original) if m.group().strip() in shared
    ]
    own = [s for s in spans if not any(a <= s[0] < b for a, b in ranges)]
    return own or spans


@lru_cache(maxsize=256)
def _pattern(words: tuple, prefix: str) -> re.Pattern:
    parts = []
    if words:
        parts.append(rf"(?:{'|'.join(re.escape(w) for w in words)})(?![^\W_])")
    if prefix:
        parts.append(rf"{re.escape(prefix)}[^\W_]*")
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(parts)})")


def _spans(folded: str, words: list[str], prefix: str) -> list[tuple[int, int, str]]:
    unique = tuple(sorted(set(words), key=len, reverse=True))
    if not (unique or prefix):
        return []
    spans = []
    for m in _pattern(unique, prefix).finditer(folded):
        word = m.group()
        spans.append((m.start(), m.end(), word if word in unique else prefix))
    return spans


def _adjacent(folded, spans, pairs) -> list[bool]:
    """adjacent[k]: span k and k+1 are consecutive words of the query, side by side."""
    return [
        (a[2], b[2]) in pairs and _GAP.fullmatch(folded, a[1], b[0]) is not None
        for a, b in zip(spans, spans[1:], strict=False)
    ]


def _best_start(folded, spans, sequence, length) -> int:
    """Position of the span the best passage starts at: the longest run of the
    query's words in order, then the most distinct query words within reach."""
    if not sequence or len(spans) < 2:
        return spans[0][0]
    spans = spans[:MAX_SPANS]
    adjacent = _adjacent(folded, spans, set(zip(sequence, sequence[1:], strict=False)))
    reach = length * 3 // 4
    best, best_score = spans[0][0], (-1, -1)
    for i, (start, _end, _word) in enumerate(spans):
        j, seen, run, longest = i, set(), 1, 1
        while j < len(spans) and spans[j][0] < start + reach:
            seen.add(spans[j][2])
            if j > i:
                run = run + 1 if adjacent[j - 1] else 1
                longest = max(longest, run)
            j += 1
        score = (longest, len(seen))
        if score > best_score:
            best, best_score = start, score
    return best


def _bounds(original, first, length):
    start = max(0, first - length // 4)
    if start:  # begin at a word boundary
        space = original.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(original), start + length)
    if end < len(original):
        space = original.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def _matching_chunk(text, words, prefix, length) -> tuple[str, str, bool, bool]:
    """(the part of a long text to search, its folding, cut before, cut after): the first chunk of
    SCAN_CHUNK characters holding a match, with `length` characters of the next one
    so that a passage across the border is whole; the first chunk when none matches
    within MAX_SCAN."""
    for begin in range(0, min(len(text), MAX_SCAN), SCAN_CHUNK):
        end = begin + SCAN_CHUNK + length
        if begin:  # start at a word boundary
            space = text.find(" ", begin, begin + length)
            begin = space + 1 if space >= 0 else begin
        original, folded = fold_aligned(text[begin:end])
        if _spans(folded, words, prefix):
            return original, folded, begin > 0, end < len(text)
    return (*fold_aligned(text[: SCAN_CHUNK + length]), False, True)


def highlight(
    text: str,
    words: list[str],
    length: int | None = SNIPPET_LENGTH,
    prefix: str = "",
    sequence: list[str] | tuple = (),
    shared: frozenset = frozenset(),
) -> str:
    """An escaped excerpt of `text` around its best match, matches in <mark>.

    `words` are marked as whole words, `prefix` also as a prefix; `sequence` (the
    query's words in order) chooses the passage, outside the `shared` sentences when
    it can. length=None: the whole text.
    """
    text = text or ""
    if length and len(text) > SCAN_CHUNK:
        original, folded, cut_before, cut_after = _matching_chunk(text, words, prefix, length)
    else:
        (original, folded), cut_before, cut_after = fold_aligned(text), False, False
    spans = _spans(folded, words, prefix)
    start, end = 0, len(original)
    if length and len(original) > length:
        own = _own(original, spans, shared)
        first = _best_start(folded, own, sequence, length) if own else 0
        start, end = _bounds(original, first, length)
    out, pos = [], start
    for s, e, _word in spans:
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
