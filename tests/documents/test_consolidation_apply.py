"""Hợp nhất: the amend service's new changes and the draft version, on factory documents."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regulations.documents.consolidation.apply import consolidate
from regulations.documents.consolidation.reader import read
from regulations.documents.models import DocumentRelation, LegalVersion
from regulations.documents.services.amend import amend, apply_changes, failure_code
from regulations.documents.services.provisions import ProvisionData
from regulations.documents.services.versions import version_on, versions_of
from regulations.documents.structure import ProvisionLevel as L

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    version = make_version(doc, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    return doc, version, amending


def rows_of(version):
    return list(version.provisions.order_by("sort_order"))


def test_insert_places_a_new_point_among_its_siblings_by_number(rules):
    _doc, version, amending = rules
    rows, _ = apply_changes(
        rows_of(version),
        [{"path": "dieu-2/khoan-2/diem-a1", "action": "insert", "level": "diem",
          "number": "a1", "text": "hồ sơ trực tuyến trả qua mạng;"}],
        amending.pk,
    )  # fmt: skip
    numbers = [(r.level, r.number) for r in rows if r.level == L.POINT]
    assert numbers == [("diem", "a"), ("diem", "a1"), ("diem", "b")]


def test_word_replacement_changes_only_the_named_unit_and_either_tone_placement(rules):
    _doc, version, amending = rules
    rows, _ = apply_changes(
        rows_of(version),
        [{"path": "dieu-3", "action": "replace_words", "old": "thứ Hai", "new": "thứ Ba"},
         {"path": "dieu-1", "action": "replace_words", "old": "Sở", "new": "cơ quan"}],
        amending.pk,
    )  # fmt: skip
    texts = {r.number: r.text for r in rows if r.level == L.ARTICLE}
    assert texts["3"] == "Giao ban vào sáng thứ Ba hằng tuần."
    assert texts["1"] == "Quy chế này quy định lề lối làm việc của cơ quan."


def test_failures_are_recorded_per_change_and_the_others_still_apply(rules):
    _doc, version, amending = rules
    failures = []
    rows, touched = apply_changes(
        rows_of(version),
        [{"path": "dieu-9", "action": "repeal"},
         {"path": "dieu-4", "action": "repeal"},
         {"path": "dieu-3", "action": "replace_words", "old": "không có", "new": "x"}],
        amending.pk,
        failures,
    )  # fmt: skip
    assert [(i, failure_code(e)) for i, e in failures] == [
        (0, "target_not_found"),
        (2, "words_not_found"),
    ]
    assert touched == [("dieu-4", "repeal")]
    assert all(r.number != "4" for r in rows if r.level == L.ARTICLE)


def test_without_a_failures_list_the_first_bad_change_still_raises(rules):
    _doc, version, amending = rules
    with pytest.raises(ValidationError):
        apply_changes(rows_of(version), [{"path": "dieu-9", "action": "repeal"}], amending.pk)


def test_a_draft_version_is_not_in_force_and_relates_nothing_until_confirmed(rules):
    doc, first, amending = rules
    draft = amend(
        doc, amending, date(2017, 7, 1), [{"path": "dieu-4", "action": "repeal"}], draft=True
    )
    assert draft.is_draft
    assert list(versions_of(doc)) == [first]
    assert version_on(doc, date(2018, 1, 1)) == first
    assert not DocumentRelation.objects.filter(source=amending).exists()
    # Running the consolidation again replaces the draft instead of clashing on the date.
    again = amend(
        doc, amending, date(2017, 7, 1), [{"path": "dieu-3", "action": "repeal"}], draft=True
    )
    assert list(LegalVersion.objects.filter(document=doc, is_draft=True)) == [again]


def test_instructions_read_from_text_apply_to_the_base_rows(rules):
    _doc, version, amending = rules
    amending_rows = [
        ProvisionData("dieu", "1", "", "Sửa đổi, bổ sung một số điều của Quy chế số 125/QĐ-STTTT:"),
        ProvisionData("khoan", "1", "", "Sửa đổi, bổ sung khoản 2 Điều 2 như sau:\n"
                      "“2. Giải quyết công việc đúng hạn, công khai.”"),
        ProvisionData("khoan", "2", "", "Bổ sung Điều 2a vào sau Điều 2 như sau:\n"
                      "“Điều 2a. Một đầu mối\nMỗi việc một đầu mối.”"),
        ProvisionData("khoan", "3", "", "Bãi bỏ Điều 9."),
    ]  # fmt: skip
    instructions = read(amending_rows).instructions
    result = consolidate(rows_of(version), instructions, amending.pk)
    assert [o.status for o in result.outcomes] == ["applied", "applied", "failed"]
    assert result.outcomes[2].reasons == ["target_not_found"]
    by_path = {r.path: r for r in result.rows}
    assert by_path["dieu-2/khoan-2"].text == "Giải quyết công việc đúng hạn, công khai."
    assert "dieu-2/khoan-2/diem-a" not in by_path  # the quoted clause is the whole clause
    assert (by_path["dieu-2a"].title, by_path["dieu-2a"].text) == (
        "Một đầu mối",
        "Mỗi việc một đầu mối.",
    )
    assert all(check.equal for check in result.checks)


def test_insert_before_puts_the_new_article_right_before_the_named_one(rules):
    _doc, version, amending = rules
    rows, _ = apply_changes(
        rows_of(version),
        [{"path": "dieu-3", "action": "insert_before", "number": "2b", "title": "Mới"}],
        amending.pk,
    )
    articles = [r.number for r in rows if r.level == L.ARTICLE]
    assert articles == ["1", "2", "2b", "3", "4"]


def test_a_draft_is_not_shown_on_the_public_pages_or_the_api(rules, client):
    doc, _first, amending = rules
    draft = amend(
        doc, amending, date(2017, 7, 1), [{"path": "dieu-4", "action": "repeal"}], draft=True
    )
    page = client.get(f"{doc.get_absolute_url()}?phien_ban={draft.pk}")
    assert page.status_code == 200
    assert page.context["version"].pk != draft.pk
    api = client.get(f"/api/v2/provisions/?version={draft.pk}")
    assert api.status_code == 200 and api.json()["meta"]["total_count"] == 0
