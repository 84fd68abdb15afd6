"""Real files: three small laws committed under tests/fixtures/docx (one amending law, one
without a header table, one 1957 law) with golden outlines, and the whole corpus.

Regenerate the golden outlines with UPDATE_GOLDEN=1 after a deliberate parser change.
"""

import json
import os
import random
from pathlib import Path

import pytest

from regulations.wordio.importer import import_file
from regulations.wordio.importer.pipeline import parse_docx
from regulations.wordio.importer.structure import is_gapless

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "docx"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
REAL = sorted(FIXTURES.glob("*.docx"))


def outline(path: Path) -> dict:
    parsed = parse_docx(path.read_bytes())
    header = parsed.header
    return {
        "number": header.number.text if header.number else "",
        "type": header.type_name,
        "issuer": header.issuer_name,
        "issued_date": header.date.isoformat() if header.date else None,
        "summary": header.summary,
        "signer": [parsed.signature.signer_title, parsed.signature.signer_name],
        "counts": parsed.outline.counts,
        "provisions": [
            [str(r.level), r.number, r.title[:80], len(r.text)] for r in parsed.outline.provisions
        ],
    }


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_fixture_matches_its_golden_outline(path):
    golden = path.with_suffix(".golden.json")
    got = outline(path)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_amending_law_fixture_counts_only_its_own_articles():
    got = outline(FIXTURES / "Luat-36-2009-QH12.docx")
    assert got["number"] == "36/2009/QH12"  # no header table: from the title area
    assert got["issued_date"] == "2009-06-19"
    assert got["counts"]["articles"] == 3  # the quoted "Điều 3.", "Điều 4." … are text
    assert got["signer"][1] == "Nguyễn Phú Trọng"


@pytest.mark.django_db
def test_real_fixtures_import_into_the_database():
    for path in REAL:
        report = import_file(path.read_bytes(), path.name)
        assert report.status == "ok", (path, report.error)
        assert report.id


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws is absent")
def test_corpus_sample_parses_with_number_date_and_gapless_articles():
    """A deterministic sample of 25 files (the full corpus runs in bench/import_docx.py)."""
    files = sorted(CORPUS.glob("*.docx"))
    assert len(files) >= 200
    sample = random.Random(5).sample(files, 25)
    for path in sample:
        parsed = parse_docx(path.read_bytes())
        articles = [r.number for r in parsed.outline.provisions if r.level == "dieu"]
        assert parsed.header.number is not None, path.name
        assert is_gapless(articles), (path.name, parsed.warnings)
        assert parsed.header.date is not None, path.name


@pytest.mark.corpus
@pytest.mark.django_db
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws is absent")
def test_corpus_sample_round_trips_through_export():
    from regulations.documents.models import LegalVersion

    from .test_roundtrip import assert_round_trip

    files = [p for p in sorted(CORPUS.glob("*.docx")) if "(1)" not in p.name]
    failures = []
    for path in random.Random(7).sample(files, 8):
        report = import_file(path.read_bytes(), path.name)
        assert report.status == "ok", (path.name, report.error)
        try:
            assert_round_trip(LegalVersion.objects.get(pk=report.version_id))
        except AssertionError as exc:
            failures.append((path.name, str(exc)[:300]))
    # The sample holds Luật Thuế thu nhập cá nhân, whose rate table has rows starting
    # "a)": exported as paragraphs they would come back as points.
    assert not failures, failures
