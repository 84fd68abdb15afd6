"""Hợp nhất văn bản on the corpus: every amending → base pair, measured.

    .venv/bin/python -m bench consolidation [--corpus ../shared/corpus/laws] [--failures]

Parses every file (no database), finds the amending laws ("sửa đổi, bổ sung" in the
title) and the laws they amend among the corpus (by the number in the grouping article
or the preamble), applies each base's amending laws in order of effective date and
reports, per pair and in total: instructions found, applied, failures by reason, and
for applied whole-unit replacements/insertions how many consolidated units equal the
quoted text exactly. `--failures` lists every instruction not applied.
"""

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def load(corpus: Path):
    from regulations.documents.consolidation.measure import text_of
    from regulations.wordio.importer.pipeline import parse_docx

    texts = []
    for path in sorted(corpus.glob("*.docx")):
        try:
            texts.append(text_of(path.name, parse_docx(path.read_bytes())))
        except Exception as exc:  # a refused file is not part of the measure
            print(f"  bỏ qua {path.name}: {exc}", file=sys.stderr)
    return texts


def main(argv=None):
    parser = argparse.ArgumentParser(prog="bench consolidation")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "laws"))
    parser.add_argument("--failures", action="store_true", help="list the failed instructions")
    args = parser.parse_args(argv)
    import django

    django.setup()
    from regulations.documents.consolidation.measure import measure

    started = time.perf_counter()
    texts = load(Path(args.corpus))
    parsed = time.perf_counter() - started
    results = measure(texts)
    total = Counter()
    reasons = Counter()
    print(f"{'amending':<16} {'base':<16} {'found':>6} {'applied':>8} {'exact':>9}  failures")
    for m in results:
        total.update(found=m.found, applied=m.applied, whole=m.whole_units, exact=m.exact)
        reasons.update(m.failures)
        fails = ", ".join(f"{k} {v}" for k, v in m.failures.most_common())
        exact = f"{m.exact}/{m.whole_units}"
        print(f"{m.amending:<16} {m.base:<16} {m.found:>6} {m.applied:>8} {exact:>9}  {fails}")
        if args.failures:
            for outcome in m.result.outcomes:
                if outcome.status != "applied":
                    head = outcome.instruction.parsed.instruction[:140]
                    print(f"    [{outcome.status}] {outcome.instruction.source}: {head}")
                    print(f"        {outcome.reason[:200]}")
            for check in m.result.checks:
                if not check.equal:
                    print(f"    [khác trích dẫn] {check.path}")
    found, applied = total["found"], total["applied"]
    share = applied / found if found else 0
    exact_share = total["exact"] / total["whole"] if total["whole"] else 0
    print(
        f"\n{len(results)} cặp, {len({m.amending for m in results})} văn bản sửa đổi: "
        f"{found} chỉ dẫn, {applied} áp dụng ({share:.1%}); "
        f"thay/bổ sung cả đơn vị: {total['exact']}/{total['whole']} khớp nguyên văn "
        f"({exact_share:.1%})"
    )
    print("Không áp dụng được, theo lý do:", dict(reasons.most_common()) or "—")
    applying = time.perf_counter() - started - parsed
    print(f"({len(texts)} tệp đọc trong {parsed:.1f} s, hợp nhất {applying:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
