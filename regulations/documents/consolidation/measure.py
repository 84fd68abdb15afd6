"""Đo trên kho văn bản: every amending → base pair among a set of texts, measured.

No database: the texts are parsed files (or any rows). For each base, its amending
texts apply in order of effective date, each on the result of the one before (a chain),
as the library would build its versions. Used by bench/consolidation.py and the corpus
test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from vietnamese.folding import fold

from .apply import APPLIED, Consolidation, Row, consolidate, with_paths
from .reader import Group, read, same_number


@dataclass
class Text:
    """A document of the set: its number, title, dates and provisions."""

    name: str
    number: str
    title: str
    issued: date | None
    effective: date | None
    rows: list

    @property
    def amending(self) -> bool:
        folded = fold(self.title)
        return "sua doi" in folded or "bo sung" in folded


@dataclass
class Pair:
    amending: Text
    base: Text
    group: Group


@dataclass
class Measure:
    """The figures of one pair."""

    amending: str
    base: str
    found: int = 0
    applied: int = 0
    failures: Counter = field(default_factory=Counter)  # reason code → instructions
    whole_units: int = 0  # applied whole-unit replacements/insertions checked
    exact: int = 0  # … whose consolidated text equals the quoted text
    result: Consolidation | None = None


def find_base(group: Group, texts: list[Text], amending: Text) -> Text | None:
    """The text a group of instructions amends: by number, else by name (and date)."""
    others = [t for t in texts if t is not amending]
    law = group.law
    if law.number:
        found = [t for t in others if t.number and same_number(t.number, law.number)]
        if found:
            return found[0]
        return None
    if law.name:
        named = [t for t in others if fold(t.title) == fold(law.name)]
        if law.date:
            named = [t for t in named if t.issued and t.issued.isoformat() == law.date]
        if len(named) == 1:
            return named[0]
    return None


def pairs(texts: list[Text]) -> list[Pair]:
    found = []
    seen: set[str] = set()
    for text in texts:
        if not text.amending or (text.number and text.number in seen):
            continue  # a second file of the same law counts once
        seen.add(text.number)
        for group in read(text.rows).groups:
            base = find_base(group, texts, text)
            if base is not None and group.instructions:
                found.append(Pair(text, base, group))
    return found


def measure(texts: list[Text]) -> list[Measure]:
    """Every pair, chained per base in order of the amending texts' effective dates."""
    chains: dict[str, list[Pair]] = {}
    for pair in pairs(texts):
        chains.setdefault(pair.base.name, []).append(pair)
    results = []
    for chain in chains.values():
        chain.sort(key=lambda p: p.amending.effective or p.amending.issued or date.min)
        rows: list[Row] = with_paths(chain[0].base.rows)
        for n, pair in enumerate(chain, start=1):
            result = consolidate(rows, pair.group.instructions, amending_id=n)
            rows = result.rows
            results.append(figures(pair, result))
    return results


def figures(pair: Pair, result: Consolidation) -> Measure:
    m = Measure(pair.amending.number, pair.base.number, result=result)
    m.found = len(result.outcomes)
    for outcome in result.outcomes:
        if outcome.status == APPLIED:
            m.applied += 1
        else:
            m.failures[outcome.reasons[0] if outcome.reasons else "form_not_recognised"] += 1
    m.whole_units = len(result.checks)
    m.exact = sum(1 for c in result.checks if c.equal)
    return m


def text_of(name: str, parsed) -> Text:
    """A Text from the importer's ParsedDocument (pipeline.parse_docx)."""
    header = parsed.header
    title = f"{header.type_name} {header.summary}".strip()
    return Text(
        name,
        header.number.text if header.number else "",
        title,
        header.date,
        parsed.effective_date,
        list(parsed.outline.provisions),
    )
