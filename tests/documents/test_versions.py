"""Point in time: the version in force on a date, at the boundaries."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regulations.documents.models import LegalVersion
from regulations.documents.services.versions import version_on, version_ranges

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_versions():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    v1 = make_version(doc, date(2017, 2, 15))
    v2 = make_version(doc, date(2017, 7, 1))
    v3 = make_version(doc, date(2018, 1, 1))
    return doc, v1, v2, v3


def test_version_on_picks_the_version_in_force_at_each_boundary(three_versions):
    doc, v1, v2, v3 = three_versions
    assert version_on(doc, date(2017, 2, 14)) is None
    assert version_on(doc, date(2017, 2, 15)) == v1
    assert version_on(doc, date(2017, 6, 30)) == v1
    assert version_on(doc, date(2017, 7, 1)) == v2
    assert version_on(doc, date(2017, 12, 31)) == v2
    assert version_on(doc, date(2018, 1, 1)) == v3
    assert version_on(doc, date(2030, 1, 1)) == v3


def test_a_version_is_in_force_until_the_day_before_the_next(three_versions):
    doc, v1, v2, v3 = three_versions
    ranges = version_ranges(doc)
    assert [(r.version, r.start, r.end) for r in ranges] == [
        (v1, date(2017, 2, 15), date(2017, 6, 30)),
        (v2, date(2017, 7, 1), date(2017, 12, 31)),
        (v3, date(2018, 1, 1), None),
    ]
    assert ranges[0].contains(date(2017, 6, 30)) and not ranges[0].contains(date(2017, 7, 1))


def test_two_versions_on_the_same_date_are_refused(three_versions):
    doc, *_ = three_versions
    clash = LegalVersion(document=doc, effective_from=date(2017, 7, 1))
    with pytest.raises(ValidationError) as exc:
        clash.full_clean()
    assert "đã có một phiên bản" in exc.value.message_dict["effective_from"][0]


def test_a_version_before_the_document_takes_effect_is_refused(three_versions):
    doc, *_ = three_versions
    early = LegalVersion(document=doc, effective_from=date(2017, 1, 1))
    with pytest.raises(ValidationError) as exc:
        early.full_clean()
    assert "trước khi văn bản có hiệu lực" in exc.value.message_dict["effective_from"][0]


def test_paths_are_recomputed_when_a_version_is_saved(three_versions):
    _doc, v1, *_ = three_versions
    # Insert "Điều 2a" after Điều 2 (its khoản and điểm) by sort order, as the admin does.
    last_of_article_2 = v1.provisions.get(path="dieu-2/khoan-2/diem-b")
    v1.provisions.filter(sort_order__gt=last_of_article_2.sort_order).update(
        sort_order=models_F("sort_order") + 1
    )
    v1.provisions.create(
        level="dieu", number="2a", title="Điều mới", sort_order=last_of_article_2.sort_order + 1
    )
    v1.save()
    paths = list(v1.provisions.order_by("sort_order").values_list("path", flat=True))
    assert paths[paths.index("dieu-2/khoan-2/diem-b") + 1] == "dieu-2a"
    assert v1.provisions.get(path="dieu-2a").depth == 1  # under Chương I


def models_F(name):
    from django.db.models import F

    return F(name)
