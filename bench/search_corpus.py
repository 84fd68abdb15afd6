"""The search benchmark's corpus and queries (`python -m bench search`, steps 1 and 2).

The law corpus (LAW_CORPUS, default /work/shared/corpus/laws) read with the real
importer's parser and cached in var/bench/search_corpus.json.gz; one search document
per provision (Điều, khoản, điểm) with text; and the fixed queries: distinctive article
titles, with and without diacritics, each with its target article.
"""

import gzip
import json
import os
import random
import sys
from pathlib import Path

from vietnamese.folding import fold, tokens

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("LAW_CORPUS", "/work/shared/corpus/laws"))
CACHE = ROOT / "var" / "bench" / "search_corpus.json.gz"


def read_corpus(limit_files=None):
    """[{doc, number, title, type, year, provisions: [[level, number, heading, text]]}]."""
    if CACHE.exists() and not limit_files:
        with gzip.open(CACHE, "rt", encoding="utf-8") as f:
            return json.load(f)
    files = sorted(CORPUS.glob("*.docx"))[:limit_files]
    docs = []
    for i, path in enumerate(files):
        doc = _read_law(i, path)
        if doc is not None:
            docs.append(doc)
        if (i + 1) % 20 == 0:
            print(f"  parsed {i + 1}/{len(files)} files", file=sys.stderr)
    if not limit_files:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(CACHE, "wt", encoding="utf-8") as f:
            json.dump(docs, f, ensure_ascii=False)
    return docs


def _read_law(i, path):
    """One corpus file as read_corpus lists it (the i-th), or None when the parser refuses it."""
    # The importer is Django code (models, settings): imported once setup_django() has run.
    from regulations.wordio.importer.pipeline import parse_docx

    try:
        parsed = parse_docx(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - a refused file is reported, not fatal
        print(f"  skip {path.name}: {exc}", file=sys.stderr)
        return None
    header = parsed.header
    number = header.number.text if header.number else ""
    title = " ".join(p for p in (header.type_name, header.summary) if p) or path.stem
    provisions = [
        [str(p.level), p.number or "", p.title or "", p.text or ""]
        for p in parsed.outline.provisions
    ]
    return {
        "doc": i,
        "file": path.name,
        "number": number,
        "title": title[:300],
        "type": header.type_name or "",
        "year": str(header.number.year if header.number and header.number.year else ""),
        "provisions": provisions,
    }


def corpus_docs(corpus):
    """Search documents (dicts as engines take them), one per provision with text.

    Key: provision:<doc>:<article>:<seq>; the article's heading is in every title
    under it ("Điều 5. Phạm vi điều chỉnh – Luật …").
    """
    # search is Django code (models, app registry): imported once setup_django() has run.
    from search.engines.base import item_to_doc
    from search.registry import SearchItem

    out, articles = [], {}
    for d in corpus:
        article, heading, seq = "0", "", 0
        for level, number, title, text in d["provisions"]:
            if level == "dieu":
                article, heading = number, f"Điều {number}. {title}".strip()
                articles.setdefault((d["doc"], article), title)
            if not (text or title):
                continue
            seq += 1
            body = text if level != "dieu" else "\n".join(p for p in (title, text) if p)
            item = SearchItem(
                kind="provision",
                key=f"provision:{d['doc']}:{article}:{seq}",
                title=f"{heading} – {d['title']}"[:480] if heading else d["title"][:480],
                url=f"/van-ban/{d['doc']}/#dieu-{article}",
                number=d["number"],
                body=body,
                facets={"type": d["type"], "year": d["year"]},
            )
            out.append(item_to_doc(item, f"bench:{d['doc']}"))
    return out, articles


def pick_queries(articles, n=25, seed=2017):
    """n distinctive article titles (4–8 words, unique when folded) → 2n queries."""
    counts = {}
    for title in articles.values():
        counts[fold(title)] = counts.get(fold(title), 0) + 1
    candidates = sorted(
        {
            (doc, art): title
            for (doc, art), title in articles.items()
            if 4 <= len(tokens(title)) <= 8 and counts[fold(title)] == 1 and fold(title) != title
        }.items()
    )
    rng = random.Random(seed)
    chosen = rng.sample(candidates, min(n, len(candidates)))
    with_marks = [(title, f"provision:{doc}:{art}:") for (doc, art), title in chosen]
    without = [(fold(title), target) for title, target in with_marks]
    return with_marks, without
