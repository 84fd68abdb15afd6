"""Đối chiếu bản nháp: the draft against the version it was built from, for the officer.

Each changed provision (services/diff.py) is linked to the instructions that made it:
those whose applied change names the provision, one of its parent units (a whole
article replaced) or, for word replacements over the whole text, any provision. The
instructions that could not be applied are listed apart with their reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import ConsolidationDraft
from ..services.diff import SAME, DiffEntry, compare
from ..structure import citation
from .instructions import REASONS

STATUS_LABELS = {"applied": "Đã áp dụng", "failed": "Không áp dụng được", "ambiguous": "Chưa rõ"}


@dataclass
class Item:
    """One instruction as the page shows it."""

    number: int  # 1-based, the anchor "chi-dan-N"
    outcome: dict

    @property
    def anchor(self) -> str:
        return f"chi-dan-{self.number}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.outcome["status"], self.outcome["status"])

    @property
    def reasons(self) -> list[str]:
        """The reasons in Vietnamese: the officer's wording, then the details."""
        codes = [REASONS.get(code, code) for code in dict.fromkeys(self.outcome["reasons"])]
        detail = self.outcome.get("reason") or ""
        return [*codes, detail] if detail and detail not in codes else codes

    @property
    def target_citations(self) -> list[str]:
        return [citation(t) if t else "toàn văn bản" for t in self.outcome["targets"]]


@dataclass
class Line:
    """One changed provision and the instructions that made it."""

    entry: DiffEntry
    items: list[Item] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "quy-dinh-" + self.entry.path.replace("/", "-")


@dataclass
class Redline:
    lines: list[Line]
    items: list[Item]

    @property
    def not_applied(self) -> list[Item]:
        return [i for i in self.items if i.outcome["status"] != "applied"]


def _covers(change: dict, entry: DiffEntry) -> bool:
    """Whether the applied change made this provision's change."""
    for side in (entry.old, entry.new):
        if side is None:
            continue
        for where in {change["path"], change["result"]} - {""}:
            if side.path == where or side.path.startswith(where + "/"):
                return True
    if change["path"]:
        return False
    # Words replaced over the whole text: the provisions where the new words (or, removed,
    # the old ones) are.
    words, side = (
        (change.get("new"), entry.new) if change.get("new") else (change.get("old"), entry.old)
    )
    return bool(words and side is not None and words in f"{side.title} {side.text}")


def redline(draft: ConsolidationDraft) -> Redline:
    items = [Item(n, outcome) for n, outcome in enumerate(draft.outcomes, start=1)]
    entries = []
    if draft.version is not None and draft.previous is not None:
        entries = [e for e in compare(draft.previous, draft.version) if e.status != SAME]
    lines = []
    for entry in entries:
        linked = [i for i in items if any(_covers(c, entry) for c in i.outcome["changes"])]
        lines.append(Line(entry, linked))
    return Redline(lines, items)
