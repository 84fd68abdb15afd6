"""Chỉ số hài lòng on known data: criterion, factor, overall, and the filters."""

import pytest

from regulations.surveys.aggregations import SATISFACTION_COUNTS
from regulations.surveys.models import Factor
from regulations.surveys.services.index import (
    satisfaction_counts,
    satisfaction_report,
    satisfaction_trend,
)

from .factories import ProcedureFactory, UnitFactory, criteria, response_with, sipas

pytestmark = pytest.mark.django_db


def _factor_criteria():
    method = sipas()
    return {f.code: list(f.criteria.order_by("sort_order", "pk")) for f in method.factors.all()}


def test_seed_has_five_factors_and_a_five_point_scale():
    method = sipas()
    assert "2640/QĐ-BNV" in method.decision
    assert method.factors.count() == 5
    assert method.scale_values() == {
        5: "Rất hài lòng",
        4: "Hài lòng",
        3: "Bình thường",
        2: "Không hài lòng",
        1: "Rất không hài lòng",
    }
    texts = " ".join(c.text for c in criteria())
    assert "Số lần phải đi lại" in texts
    assert "đúng ngày hẹn" in texts
    assert "xin lỗi" in texts


def test_criterion_index_is_the_share_of_satisfied_and_very_satisfied():
    c = criteria()[0]
    for value in (5, 4, 3, 1):  # 2 of 4 satisfied
        response_with({c: value})
    report = satisfaction_report()
    row = next(r for r in report.criteria if r.id == c.pk)
    assert (row.answers, row.satisfied) == (4, 2)
    assert row.index == pytest.approx(0.5)


def test_factor_index_is_the_mean_of_its_criteria_and_overall_the_mean_of_factors():
    by_factor = _factor_criteria()
    a1, a2 = by_factor["tiep-can"][:2]
    b1 = by_factor["thu-tuc"][0]
    # a1: 1/1 satisfied (100%); a2: 1/4 satisfied (25%) → factor "tiếp cận" = 62.5%,
    # not the pooled 2/5 = 40%.
    response_with({a1: 5, a2: 4})
    for _ in range(3):
        response_with({a2: 2})
    # b1: 0/2 → factor "thủ tục" = 0%.
    response_with({b1: 3})
    response_with({b1: 1})
    report = satisfaction_report()
    factors = {f.id: f.index for f in report.factors}
    access = Factor.objects.get(method=sipas(), code="tiep-can")
    procedure = Factor.objects.get(method=sipas(), code="thu-tuc")
    assert factors[access.pk] == pytest.approx(0.625)
    assert factors[procedure.pk] == pytest.approx(0.0)
    # Only factors with answers count: overall = (62.5% + 0%) / 2.
    assert report.overall == pytest.approx(0.3125)
    assert report.answers == 7


def test_overall_is_the_mean_of_the_five_factors():
    by_factor = _factor_criteria()
    shares = {"tiep-can": 5, "thu-tuc": 4, "cong-chuc": 3, "ket-qua": 2, "gop-y": 5}
    response_with({by_factor[code][0]: value for code, value in shares.items()})
    report = satisfaction_report()
    assert len(report.factors) == 5
    assert report.overall == pytest.approx(3 / 5)


def test_filters_by_unit_procedure_and_quarter():
    c = criteria()[0]
    unit_a, unit_b = UnitFactory(), UnitFactory()
    proc = ProcedureFactory(handling_unit=unit_a)
    response_with({c: 5}, unit=unit_a, procedure=proc, quarter="2017-Q1")
    response_with({c: 1}, unit=unit_a, quarter="2017-Q2")
    response_with({c: 1}, unit=unit_b, quarter="2017-Q1")

    assert satisfaction_report(unit_id=unit_a.pk).overall == pytest.approx(0.5)
    assert satisfaction_report(unit_id=unit_b.pk).overall == pytest.approx(0.0)
    assert satisfaction_report(procedure_id=proc.pk).overall == pytest.approx(1.0)
    assert satisfaction_report(quarter="2017-Q1").overall == pytest.approx(0.5)
    assert satisfaction_report(quarter="2017-Q2").answers == 1
    assert satisfaction_report(unit_id=unit_a.pk, quarter="2017-Q1").overall == 1.0
    assert satisfaction_report(year=2018).overall is None


def test_trend_gives_one_point_per_quarter_in_order():
    c = criteria()[0]
    response_with({c: 2}, quarter="2017-Q3")
    response_with({c: 5}, quarter="2017-Q1")
    response_with({c: 4}, quarter="2017-Q1")
    trend = satisfaction_trend()
    assert [p.quarter for p in trend] == ["2017-Q1", "2017-Q3"]
    assert [p.overall for p in trend] == [1.0, 0.0]


def test_counts_are_the_declared_aggregation_of_the_search_module():
    from search.registry import Registry

    registry = Registry().load()
    assert registry.aggregations["satisfaction_index"] is SATISFACTION_COUNTS
    c = criteria()[0]
    response_with({c: 4})
    response_with({c: 2})
    assert satisfaction_counts() == [
        {"criterion_id": c.pk, "factor_id": c.factor_id, "answers": 2, "satisfied": 1}
    ]


def test_survey_answer_items_carry_the_registry_data_fields():
    from regulations.surveys.search_items import answer_items

    c = criteria()[0]
    unit = UnitFactory()
    response = response_with({c: 4}, unit=unit, quarter="2017-Q2")
    (item,) = list(answer_items(response.answers.get()))
    assert item.kind == "survey_answer"
    assert item.public is False
    assert item.data == {
        "criterion_id": c.pk,
        "factor_id": c.factor_id,
        "unit_id": unit.pk,
        "procedure_id": None,
        "quarter": "2017-Q2",
        "value": 4,
        "satisfied": True,
    }


def test_report_and_trend_from_one_aggregation_match_the_separate_ones():
    from regulations.surveys.services.index import report_and_trend

    c1, c2 = criteria()[:2]
    unit = UnitFactory()
    response_with({c1: 5, c2: 2}, unit=unit, quarter="2017-Q1")
    response_with({c1: 4, c2: 4}, unit=unit, quarter="2017-Q2")
    response_with({c1: 1}, quarter="2017-Q2")
    for filters in ({}, {"unit_id": unit.pk}, {"quarter": "2017-Q2"}):
        report, trend = report_and_trend(**filters)
        assert report.overall == pytest.approx(satisfaction_report(**filters).overall)
        assert report.answers == satisfaction_report(**filters).answers
        expected = satisfaction_trend(unit_id=filters.get("unit_id"))
        assert [(p.quarter, p.overall) for p in trend] == [(p.quarter, p.overall) for p in expected]
