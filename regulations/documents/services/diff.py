"""So sánh hai phiên bản: compare two versions of a text provision by provision.

Provisions are matched by path first. Provisions left over on both sides, and
same-path pairs whose text differs a lot, are then matched by text similarity: a
pair that reads alike under a different path was moved or renumbered ("Điều 5"
became "Điều 6"). What is still unmatched was added or removed. Changed text gets an
inline word-level diff as safe HTML with <ins> and <del>.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SAME = "same"
ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"

LABELS = {
    SAME: "Không thay đổi",
    ADDED: "Bổ sung",
    REMOVED: "Bãi bỏ",
    CHANGED: "Sửa đổi",
    MOVED: "Chuyển vị trí, đánh số lại",
}

# Two provisions under different paths with at least this similarity are the same unit.
MOVE_THRESHOLD = 0.75
_WORD = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class DiffEntry:
    status: str
    old: object | None  # Provision in the old version
    new: object | None  # Provision in the new version
    html: SafeString  # the text with <ins>/<del> marks (or plain escaped text)
    similarity: float = 1.0

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def path(self) -> str:
        return (self.new or self.old).path

    @property
    def text_changed(self) -> bool:
        return self.status in (CHANGED, MOVED) and _content(self.old) != _content(self.new)


def _content(provision) -> str:
    return " ".join(f"{provision.title}\n{provision.text}".split())


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def word_diff(old: str, new: str) -> SafeString:
    """Inline word-level diff of two texts as escaped HTML with <ins>/<del>."""
    a, b = _tokens(old), _tokens(new)
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def similarity(a, b) -> float:
    return difflib.SequenceMatcher(
        None, _tokens(_content(a)), _tokens(_content(b)), autojunk=False
    ).ratio()


def _text(provision) -> str:
    head = provision.label
    return f"{head}\n{provision.text}".strip() if provision.text else head


def _matcher(a, b):
    return difflib.SequenceMatcher(None, _tokens(_content(a)), _tokens(_content(b)), autojunk=False)


# Fuzzy matching compares each open new provision with at most this many open old
# ones of the same level, the nearest in reading order: keeps big texts fast.
FUZZY_WINDOW = 60


def match(old: list, new: list) -> tuple[dict[int, object], set[int]]:
    """Pair new provisions (by index) with old ones; returns (pairs, moved indexes).

    Same path and level first. A pair whose text differs a lot is "weak": if the new
    provision reads (much) more like an old one under another path, or the old one
    reads more like a new one elsewhere, the move wins and the weak pair is broken.
    Identical texts under other paths are paired first (renumbering), then similar
    ones among what is left.
    """
    content_new = [_content(p) for p in new]
    content_old = {p.pk: _content(p) for p in old}
    old_index = {p.pk: i for i, p in enumerate(old)}
    old_by_path = {p.path: p for p in old}
    pairs: dict[int, object] = {}
    score: dict[int, float] = {}
    for j, prov in enumerate(new):
        other = old_by_path.get(prov.path)
        if other is not None and other.level == prov.level:
            pairs[j] = other
            same = content_old[other.pk] == content_new[j]
            score[j] = 1.0 if same else similarity(other, prov)
    old_owner = {pairs[j].pk: j for j in pairs}  # old pk → new index
    moved: set[int] = set()

    def open_sets():
        new_open = [j for j in range(len(new)) if j not in pairs or score[j] < MOVE_THRESHOLD]
        old_open = [
            p for p in old if p.pk not in old_owner or score[old_owner[p.pk]] < MOVE_THRESHOLD
        ]
        return new_open, old_open

    def assign(candidates):
        for ratio, _distance, j, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if j in moved or (j in pairs and score[j] >= ratio):
                continue
            holder = old_owner.get(p.pk)
            if holder is not None and (holder in moved or score[holder] >= ratio):
                continue
            if j in pairs:  # break the new side's weak pair
                old_owner.pop(pairs[j].pk, None)
            if holder is not None:  # break the old side's weak pair
                pairs.pop(holder, None)
                score.pop(holder, None)
            pairs[j], score[j] = p, ratio
            old_owner[p.pk] = j
            moved.add(j)

    def scaled(j):
        return j * len(old) / max(1, len(new))

    # 1. Identical text under another path: renumbered or moved.
    new_open, old_open = open_sets()
    by_content: dict[tuple, list] = {}
    for p in old_open:
        by_content.setdefault((p.level, content_old[p.pk]), []).append(p)
    exact = []
    for j in new_open:
        group = by_content.get((new[j].level, content_new[j]), [])
        group = sorted(group, key=lambda p: abs(old_index[p.pk] - scaled(j)))[:FUZZY_WINDOW]
        exact += [
            (1.0, abs(old_index[p.pk] - scaled(j)), j, p) for p in group if p.path != new[j].path
        ]
    assign(exact)

    # 2. Similar text under another path, among the nearest open ones.
    new_open, old_open = open_sets()
    by_level: dict[str, list] = {}
    for p in old_open:
        by_level.setdefault(p.level, []).append(p)
    fuzzy = []
    for j in new_open:
        near = sorted(
            by_level.get(new[j].level, []), key=lambda p: abs(old_index[p.pk] - scaled(j))
        )[:FUZZY_WINDOW]
        for p in near:
            if p.path == new[j].path:
                continue
            m = _matcher(p, new[j])
            if m.real_quick_ratio() < MOVE_THRESHOLD or m.quick_ratio() < MOVE_THRESHOLD:
                continue
            ratio = m.ratio()
            if ratio >= MOVE_THRESHOLD:
                fuzzy.append((ratio, abs(old_index[p.pk] - scaled(j)), j, p))
    assign(fuzzy)
    return pairs, moved


def compare(old_version, new_version) -> list[DiffEntry]:
    """Entries in the new version's reading order; removed ones after their old neighbour."""
    old = list(old_version.provisions.order_by("sort_order"))
    new = list(new_version.provisions.order_by("sort_order"))
    pairs, moved = match(old, new)
    used_old = {p.pk for p in pairs.values()}

    entries: list[DiffEntry] = []
    position_of_old: dict[int, int] = {}  # old pk → index in entries
    for j, prov in enumerate(new):
        other = pairs.get(j)
        if other is None:
            entries.append(DiffEntry(ADDED, None, prov, escape(_text(prov)), 0.0))
        else:
            same = _content(other) == _content(prov) and other.label == prov.label
            if j in moved:
                status = MOVED
            else:
                status = SAME if same else CHANGED
            html = escape(_text(prov)) if same else word_diff(_text(other), _text(prov))
            score = 1.0 if same else similarity(other, prov)
            entries.append(DiffEntry(status, other, prov, html, score))
            position_of_old[other.pk] = len(entries) - 1

    # Insert removed provisions after the entry of the nearest earlier matched old one.
    removed_after: dict[int, list[DiffEntry]] = {}
    anchor = -1
    for prov in old:
        if prov.pk in position_of_old:
            anchor = position_of_old[prov.pk]
        elif prov.pk not in used_old:
            entry = DiffEntry(REMOVED, prov, None, mark_safe(f"<del>{escape(_text(prov))}</del>"))
            removed_after.setdefault(anchor, []).append(entry)
    result = list(removed_after.get(-1, []))
    for i, entry in enumerate(entries):
        result.append(entry)
        result.extend(removed_after.get(i, []))
    return result


def summary(entries: list[DiffEntry]) -> dict[str, int]:
    counts = {status: 0 for status in LABELS}
    for entry in entries:
        counts[entry.status] += 1
    return counts
