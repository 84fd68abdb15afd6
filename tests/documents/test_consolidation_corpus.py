"""Hợp nhất on real corpus pairs: the measure on the development pairs, and one pair end
to end (import both laws with the importer, consolidate with the command)."""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from regulations.documents.consolidation.measure import measure, text_of
from regulations.documents.models import DocumentRelation, LegalDocument, LegalVersion
from regulations.documents.services.versions import version_on, versions_of
from regulations.wordio.importer import import_file
from regulations.wordio.importer.pipeline import parse_docx

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
PAIRS = [  # amending → base (the pairs named in issue #15, and the laws they chain on)
    "Luat-46-2014-QH13", "Luat-25-2008-QH12",
    "Luat-62-2020-QH14", "Luat-50-2014-QH13",
    "Luat-64-2014-QH13", "Luat-26-2008-QH12",
    "Luat-52-2019-QH14", "Luat-58-2010-QH12", "Luat-22-2008-QH12",
    "Luat-71-2014-QH13", "Luat-106-2016-QH13", "Luat-13-2008-QH12",
]  # fmt: skip

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws is absent"),
]


@pytest.fixture(scope="module")
def files():
    return {name: (CORPUS / f"{name}.docx").read_bytes() for name in PAIRS}


@pytest.fixture(scope="module")
def results(files):
    texts = [text_of(name, parse_docx(data)) for name, data in files.items()]
    return {(m.amending, m.base): m for m in measure(texts)}


def test_the_development_pairs_are_all_found(results):
    assert set(results) == {
        ("46/2014/QH13", "25/2008/QH12"),
        ("62/2020/QH14", "50/2014/QH13"),
        ("64/2014/QH13", "26/2008/QH12"),
        ("52/2019/QH14", "22/2008/QH12"),
        ("52/2019/QH14", "58/2010/QH12"),
        ("71/2014/QH13", "13/2008/QH12"),
        ("106/2016/QH13", "13/2008/QH12"),
    }


def test_at_least_95_percent_applied_and_every_whole_unit_equals_its_quotation(results):
    found = sum(m.found for m in results.values())
    applied = sum(m.applied for m in results.values())
    assert found > 200
    assert applied / found >= 0.95, {k: dict(m.failures) for k, m in results.items()}
    checks = [c for m in results.values() for c in m.result.checks]
    assert checks and all(c.equal for c in checks), [c.path for c in checks if not c.equal]


def test_13_2008_takes_the_2014_then_the_2016_amendments_in_order(results):
    first = results[("71/2014/QH13", "13/2008/QH12")]
    second = results[("106/2016/QH13", "13/2008/QH12")]
    assert first.applied == first.found and second.applied == second.found
    paths = [r.path for r in second.result.rows]
    assert "dieu-5/khoan-3a" in paths  # inserted by 71/2014, kept by 106/2016


@pytest.fixture
def health_insurance(db, files):
    """Luật bảo hiểm y tế 25/2008/QH12 and its amending law 46/2014/QH13, imported."""
    for name in ("Luat-25-2008-QH12", "Luat-46-2014-QH13"):
        report = import_file(files[name], f"{name}.docx")
        assert report.status == "ok", report.error
    return LegalDocument.objects.get(number_symbol="25/2008/QH12")


def consolidate_json(*args):
    out = StringIO()
    call_command("consolidate", "46/2014/QH13", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_consolidate_json_applies_46_2014_to_25_2008_without_saving(health_insurance):
    data = consolidate_json("--dry-run")
    assert (data["amending"], data["base"], data["effective"]) == (
        "46/2014/QH13",
        "25/2008/QH12",
        "2015-01-01",
    )
    assert {i["status"] for i in data["instructions"]} == {"applied"}
    first = data["instructions"][0]
    assert first["action"] == "replace"
    assert first["targets"] == ["dieu-2/khoan-1", "dieu-2/khoan-7", "dieu-2/khoan-8"]
    text = {p["path"]: p["text"] for p in data["provisions"]}
    order = [p["path"] for p in data["provisions"]]
    assert text["dieu-2/khoan-1"] == (
        "Bảo hiểm y tế là hình thức bảo hiểm bắt buộc được áp dụng đối với các đối tượng theo "
        "quy định của Luật này để chăm sóc sức khỏe, không vì mục đích lợi nhuận do Nhà nước tổ "
        "chức thực hiện."
    )
    assert text["dieu-2/khoan-8"].startswith("Gói dịch vụ y tế cơ bản do quỹ bảo hiểm y tế")
    assert order.index("dieu-7a") < order.index("dieu-7b") < order.index("dieu-7c")
    assert order.index("dieu-7/khoan-1") < order.index("dieu-7a") < order.index("dieu-8")
    assert text["dieu-12/khoan-4/diem-b"] == "Học sinh, sinh viên."
    assert "dieu-23/khoan-10" not in text and "dieu-23/khoan-12" not in text  # repealed
    # "Bãi bỏ điểm b; sửa đổi điểm c" quoted as “b) …”: the point is renumbered b.
    assert text["dieu-21/khoan-1/diem-b"].startswith("Vận chuyển người bệnh từ tuyến huyện")
    assert LegalVersion.objects.filter(document=health_insurance).count() == 1


def test_consolidate_saves_a_draft_version_that_is_not_yet_in_force(health_insurance):
    out = StringIO()
    call_command("consolidate", "46/2014/QH13", stdout=out)
    assert "28/28 chỉ dẫn áp dụng" in out.getvalue()
    assert "bản nháp" in out.getvalue()
    draft = LegalVersion.objects.get(document=health_insurance, is_draft=True)
    assert draft.effective_from == date(2015, 1, 1)
    assert draft.amending_document.number_symbol == "46/2014/QH13"
    assert draft.provisions.get(path="dieu-17").title == "Cấp thẻ bảo hiểm y tế"
    assert draft.provisions.filter(changed_by=draft.amending_document).exists()
    assert [v.pk for v in versions_of(health_insurance)] != [draft.pk]
    assert version_on(health_insurance, date(2016, 1, 1)) != draft  # nothing published
    assert not DocumentRelation.objects.filter(source=draft.amending_document).exists()


def test_unknown_numbers_are_a_clear_error(health_insurance):
    with pytest.raises(CommandError, match="Không có văn bản số “99/2099/QH99”"):
        call_command("consolidate", "99/2099/QH99", "--dry-run")
    with pytest.raises(CommandError, match="không thể tự sửa đổi"):
        call_command("consolidate", "46/2014/QH13", "--base", "46/2014/QH13", "--dry-run")
