"""So sánh phiên bản: added, removed, changed (word diff), moved/renumbered."""

from datetime import date

import pytest

from regulations.documents.services import diff
from regulations.documents.structure import ProvisionLevel as L

from .factories import RULES_V1, make_document, make_version

pytestmark = pytest.mark.django_db


def _by_status(entries):
    found = {}
    for e in entries:
        found.setdefault(e.status, []).append(e.path)
    return found


@pytest.fixture
def doc():
    return make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))


def test_identical_versions_have_only_unchanged_entries(doc):
    v1 = make_version(doc, date(2017, 2, 15))
    v2 = make_version(doc, date(2017, 7, 1))
    entries = diff.compare(v1, v2)
    assert {e.status for e in entries} == {diff.SAME}
    assert len(entries) == len(RULES_V1)


def test_added_removed_changed_and_renumbered(doc):
    v1 = make_version(doc, date(2017, 2, 15))
    rows = list(RULES_V1)
    # changed: khoản 2 Điều 2 gets new words
    rows[4] = (L.CLAUSE, "2", "", "Giải quyết công việc đúng thời hạn, công khai, minh bạch.")
    # removed: điểm b
    del rows[6]
    # renumbered: Điều 3 becomes Điều 4 after a new Điều 3 is inserted; old Điều 4 → Điều 5
    rows[6:] = [
        (L.ARTICLE, "3", "Một đầu mối", "Mỗi việc giao một đầu mối chịu trách nhiệm xuyên suốt."),
        (L.ARTICLE, "4", "Chế độ họp", "Giao ban vào sáng thứ Hai hằng tuần."),
        (L.ARTICLE, "5", "Báo cáo", "Các phòng báo cáo kết quả công tác tháng trước ngày 20."),
    ]
    v2 = make_version(doc, date(2017, 7, 1), rows)
    found = _by_status(diff.compare(v1, v2))
    assert found[diff.CHANGED] == ["dieu-2/khoan-2"]
    assert found[diff.REMOVED] == ["dieu-2/khoan-2/diem-b"]
    assert found[diff.ADDED] == ["dieu-3"]
    assert sorted(found[diff.MOVED]) == ["dieu-4", "dieu-5"]


def test_moved_entry_remembers_the_old_place(doc):
    v1 = make_version(doc, date(2017, 2, 15))
    rows = [r for r in RULES_V1 if r[1] != "3" or r[0] != L.ARTICLE]
    rows = [(lvl, "3" if (lvl == L.ARTICLE and n == "4") else n, t, x) for lvl, n, t, x in rows]
    v2 = make_version(doc, date(2017, 7, 1), rows)
    moved = [e for e in diff.compare(v1, v2) if e.status == diff.MOVED]
    assert [(e.old.path, e.new.path) for e in moved] == [("dieu-4", "dieu-3")]
    removed = [e for e in diff.compare(v1, v2) if e.status == diff.REMOVED]
    assert [e.old.path for e in removed] == ["dieu-3"]


def test_word_diff_marks_inserted_and_deleted_words_and_escapes_html():
    html = diff.word_diff("Giao ban <b>thứ Hai</b>", "Giao ban thứ Ba & thứ Hai")
    assert "<ins>" in html and "<del>" in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "&amp;" in html


def test_removed_entries_follow_their_old_neighbour(doc):
    v1 = make_version(doc, date(2017, 2, 15))
    rows = [r for r in RULES_V1 if not (r[0] == L.POINT and r[1] == "a")]
    v2 = make_version(doc, date(2017, 7, 1), rows)
    paths = [e.path for e in diff.compare(v1, v2)]
    assert paths.index("dieu-2/khoan-2/diem-a") == paths.index("dieu-2/khoan-2") + 1


def test_renumbered_article_with_edited_clause_is_moved_with_a_word_diff(doc):
    v1 = make_version(doc, date(2017, 2, 15))
    rows = [(L.ARTICLE, "1a", "Điều chèn", "Một điều hoàn toàn mới được chèn vào đầu văn bản.")]
    for level, number, title, text in RULES_V1:
        if level == L.ARTICLE:
            number = str(int(number) + 1)
        if text == "Giải quyết công việc đúng thời hạn.":
            text = "Giải quyết công việc đúng thời hạn quy định."
        rows.append((level, number, title, text))
    rows.insert(0, rows.pop(1))  # keep Chương I first
    v2 = make_version(doc, date(2017, 7, 1), rows)
    entries = {e.path: e for e in diff.compare(v1, v2)}
    clause = entries["dieu-3/khoan-2"]
    assert clause.status == diff.MOVED and clause.old.path == "dieu-2/khoan-2"
    assert clause.text_changed and "hạn<ins> quy định</ins>." in clause.html
    assert entries["dieu-5"].status == diff.MOVED and not entries["dieu-5"].text_changed
    assert entries["dieu-1a"].status == diff.ADDED
