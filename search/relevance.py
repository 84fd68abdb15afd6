"""A judged relevance set: queries with the result a reader expects first.

The set is data (tests/search/judged_queries.tsv, tab-separated, `#` lines are
comments): a query, the expected first result's identity, a note, and the engines
and database vendors on which the query is a known failure ("xfail"), with why.

A hit's identity is what the results show a reader, stable across databases and
index rebuilds (primary keys are not): "document:<number>", "procedure:<code>",
"provision:<number> Điều 5. <its title>", and "<kind>:<title>" for the other kinds. The test
(tests/search/test_judged.py) checks each query's first result on both engines; the
bench (`python -m bench relevance`) reports MRR and success@1 over the same set.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .engines.base import SearchRequest, flat_hits
from .query import parse_query

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "tests" / "search" / "judged_queries.tsv"
CORPUS = ROOT.parent / "shared" / "corpus" / "laws"
#: The corpus laws the set is judged over, besides the demo: small and distinct, with an
#: amending law and its base (the test imports them with the Word importer, as the bench).
CORPUS_LAWS = (
    "Luat-25-2008-QH12",  # Luật Bảo hiểm y tế
    "Luat-46-2014-QH13",  # sửa đổi, bổ sung Luật Bảo hiểm y tế
    "Luat-57-2010-QH12",  # Luật Thuế bảo vệ môi trường
    "Luat-28-2018-QH14",  # sửa đổi 11 luật có liên quan đến quy hoạch
    "Luat-42-2019-QH14",  # sửa đổi Luật Kinh doanh bảo hiểm, Luật Sở hữu trí tuệ
)
#: Their numbers ("Luat-25-2008-QH12" → "25/2008/QH12"): a query expecting one of them is
#: judged only where the corpus is on the machine.
CORPUS_NUMBERS = frozenset(name.split("-", 1)[1].replace("-", "/") for name in CORPUS_LAWS)
COLUMNS = ("query", "expected", "note", "xfail")
PUBLIC_KINDS = frozenset({"document", "provision", "procedure"})
DEPTH = 20  # results read for the reciprocal rank


@dataclass
class Judged:
    query: str
    expected: str
    note: str = ""
    # "engine:vendor" pairs (e.g. "elasticsearch:postgresql", "embedded:*") where the
    # query is a known failure; the reason is in the note.
    xfail: frozenset = field(default_factory=frozenset)

    @property
    def private(self) -> bool:
        """Staff-only items are judged as a staff member who sees them sees the page."""
        return self.expected.split(":", 1)[0] not in PUBLIC_KINDS

    @property
    def uses_corpus(self) -> bool:
        return any(number in self.expected for number in CORPUS_NUMBERS)

    def fails_on(self, engine: str, vendor: str) -> bool:
        return bool({f"{engine}:{vendor}", f"{engine}:*", f"*:{vendor}", "*:*"} & self.xfail)


def load_judged(path: Path = JUDGED) -> list[Judged]:
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{path}: the columns must be {', '.join(COLUMNS)}")
    judged = []
    for row in reader:
        xfail = frozenset(p.strip() for p in (row["xfail"] or "").split(",") if p.strip())
        judged.append(Judged(row["query"], row["expected"], row["note"] or "", xfail))
    return judged


def identity(hit) -> str:
    """The stable identity of a hit (see the module docstring)."""
    if hit.kind in ("document", "procedure") and hit.number:
        return f"{hit.kind}:{hit.number}"
    if hit.kind == "provision":  # its title: "Điều 5. Chế độ họp – <document title>"
        return f"provision:{hit.number} {hit.title.split(' – ', 1)[0]}"
    return f"{hit.kind}:{hit.title}"


def ranked(engine, judged: Judged, depth: int = DEPTH) -> list[str]:
    """The identities of the first `depth` results, in reading order."""
    request = SearchRequest(
        query=parse_query(judged.query), per_page=depth, include_private=judged.private
    )
    return [identity(h) for h in flat_hits(engine.search(request).hits)][:depth]


def rank_of(engine, judged: Judged) -> int | None:
    """1-based rank of the expected result, None when it is not in the first DEPTH."""
    found = ranked(engine, judged)
    return found.index(judged.expected) + 1 if judged.expected in found else None


def measure(engine, judged_set) -> dict:
    """MRR and success@1 of `engine` over the set, with the queries that miss."""
    ranks = [(j, rank_of(engine, j)) for j in judged_set]
    n = len(ranks) or 1
    return {
        "queries": len(ranks),
        "mrr": sum(1 / r for _j, r in ranks if r) / n,
        "success_at_1": sum(1 for _j, r in ranks if r == 1) / n,
        "misses": [(j.query, j.expected, r) for j, r in ranks if r != 1],
    }
