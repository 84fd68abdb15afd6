"""Tracking numbers agree on both engines.

Tasks are real PlanTask rows indexed through regulations/planning/search_items.py:
the embedded engine answers with planning's ORM aggregation, the Elasticsearch
engine with elasticsearch-dsl aggregations over the indexed items.
"""

import random
from datetime import date, timedelta

import pytest

from regulations.planning.choices import TaskStatus
from regulations.planning.models import Plan, PlanTask
from regulations.planning.services import tracking as orm
from search import service, tracking
from search.engines.base import item_to_doc
from search.registry import SearchItem

from .factories import legal_document, unit

TODAY = date(2017, 6, 15)


def _make_tasks(n=120, seed=7):
    rng = random.Random(seed)
    plan = Plan.objects.create(document=legal_document())
    other = Plan.objects.create(document=legal_document("Kế hoạch khác", "99/KH-STTTT"))
    units = [unit(f"Phòng {i}", sort_order=10 - i) for i in range(5)]
    for i in range(n):
        status = rng.choice(list(TaskStatus.values))
        deadline = None if i % 11 == 0 else date(2017, 4, 1) + timedelta(days=rng.randint(0, 150))
        completed = None
        if status == TaskStatus.DONE:
            completed = date(2017, 4, 1) + timedelta(days=rng.randint(0, 120))
        PlanTask.objects.create(
            plan=plan if i % 9 else other,
            number=str(i),
            title=f"Nhiệm vụ {i}",
            lead_unit=rng.choice(units),
            recurring=deadline is None,
            reporting_period="hang_quy" if deadline is None else "",
            deadline=deadline,
            status=status,
            completed_on=completed,
        )
    return plan, units


@pytest.fixture
def tasks_on_es(es_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan, units = _make_tasks()
    return plan, units


def test_task_tracking_agrees(tasks_on_es):
    plan, units = tasks_on_es
    for params in (
        {"plan_id": plan.pk, "today": TODAY},
        {"today": TODAY},
        {
            "plan_id": plan.pk,
            "today": TODAY,
            "period_start": date(2017, 5, 1),
            "period_end": date(2017, 6, 30),
        },
        {"plan_id": plan.pk, "today": TODAY, "unit_id": units[0].pk},
    ):
        es_rows = tracking.task_tracking(**params)
        assert es_rows == orm.task_tracking(**params)
    rows = tracking.task_tracking(plan_id=plan.pk, today=TODAY)
    assert sum(r["total"] for r in rows) == PlanTask.objects.filter(plan=plan).count()
    assert any(r["overdue"] for r in rows) and any(r["due_soon"] for r in rows)
    assert any(r["completed_late"] for r in rows)


def test_completions_per_month_agree(tasks_on_es):
    plan, _units = tasks_on_es
    assert tracking.completions_per_month(plan_id=plan.pk) == orm.completions_by_month(
        plan_id=plan.pk
    )
    assert tracking.completions_per_month() == orm.completions_by_month()
    assert tracking.completions_per_month()


def test_embedded_engine_uses_the_registered_orm_aggregation(embedded_engine):
    plan, _units = _make_tasks(30)
    assert service.aggregate("task_tracking", plan_id=plan.pk, today=TODAY) == (
        orm.task_tracking(plan_id=plan.pk, today=TODAY)
    )


def test_satisfaction_index_on_es_matches_counts(es_engine):
    """Survey answers as items (synthetic: the counts are checked by hand)."""
    items = []
    rng = random.Random(3)
    expected = {}
    for i in range(200):
        criterion, quarter, value = (
            rng.randint(1, 4),
            rng.choice(["2017-Q1", "2017-Q2"]),
            rng.randint(1, 5),
        )
        e = expected.setdefault((criterion, quarter), [0, 0])
        e[0] += 1
        e[1] += value >= 4
        items.append(
            SearchItem(
                kind="survey_answer",
                key=f"survey_answer:{i}",
                title="Phiếu",
                url="/",
                public=False,
                data={
                    "criterion_id": criterion,
                    "factor_id": (criterion + 1) // 2,
                    "unit_id": 1,
                    "procedure_id": 1,
                    "quarter": quarter,
                    "value": value,
                    "satisfied": value >= 4,
                },
            )
        )
    es_engine.index([item_to_doc(i, f"t:{i.key}") for i in items])
    rows = service.aggregate("satisfaction_index", by_quarter=True)
    got = {(r["criterion_id"], r["quarter"]): [r["answers"], r["satisfied"]] for r in rows}
    assert got == expected
    assert all(r["factor_id"] == (r["criterion_id"] + 1) // 2 for r in rows)
    q1 = service.aggregate("satisfaction_index", quarter="2017-Q1")
    assert sum(r["answers"] for r in q1) == sum(
        v[0] for k, v in expected.items() if k[1] == "2017-Q1"
    )


def test_late_dossiers_agree_and_follow_the_calendar_not_the_last_save(
    es_engine, django_capture_on_commit_callbacks
):
    """Open dossiers indexed before their due date count as late once it has passed."""
    from regulations.dossiers.services.reports import late_dossiers_by_unit
    from tests.onestop_dossiers.factories import at, make_dossier, make_procedure

    with django_capture_on_commit_callbacks(execute=True):
        procedure = make_procedure()
        make_dossier(procedure, code="HS-1", received=at(2017, 3, 1))  # open
        make_dossier(
            procedure, code="HS-2", received=at(2017, 3, 1), finished_at=at(2017, 3, 20)
        )  # finished late
        make_dossier(
            procedure, code="HS-3", received=at(2017, 3, 1), finished_at=at(2017, 3, 2)
        )  # on time
    for today in (date(2017, 3, 2), date(2017, 3, 10), date(2017, 4, 28)):
        params = {"today": today, "date_from": date(2017, 1, 1), "date_to": date(2017, 12, 31)}
        assert tracking.late_dossiers_by_unit(**params) == late_dossiers_by_unit(**params)
    later = tracking.late_dossiers_by_unit(today=date(2017, 4, 28))
    assert later[0]["late"] == 2 and later[0]["late_without_letter"] == 2


def test_review_outcomes_agree(es_engine, django_capture_on_commit_callbacks):
    from regulations.planning.models import ReviewRecord
    from tests.planning.helpers import internal_rule

    with django_capture_on_commit_callbacks(execute=True):
        plan, units = _make_tasks(5)
        rule = internal_rule()
        outcomes = ["giu_nguyen", "sua_doi_bo_sung", "bai_bo_mot_phan", "sua_doi_bo_sung"]
        for i, outcome in enumerate(outcomes * 3):
            ReviewRecord.objects.create(
                title=f"Rà soát {i}",
                plan=plan,
                target_kind="quy_che_noi_bo",
                document=rule,
                outcome=outcome,
                reason="Không còn phù hợp",
                responsible_unit=units[i % 3],
            )
    for params in ({}, {"plan_id": plan.pk}):
        assert tracking.review_outcomes_by_unit(**params) == orm.review_outcomes(**params)
    rows = tracking.review_outcomes_by_unit(plan_id=plan.pk)
    assert sum(r["total"] for r in rows) == 12


def test_late_dossiers_agree_on_paused_dossiers_and_second_misses(
    es_engine, django_capture_on_commit_callbacks
):
    """Waiting for papers stops the clock and a missed re-appointment needs a letter, on
    both engines (lateness.needs_letter_q)."""
    from regulations.dossiers.services.letters import confirm_letter
    from regulations.dossiers.services.records import change_status
    from regulations.dossiers.services.reports import late_dossiers_by_unit
    from tests.onestop_dossiers.factories import at, make_dossier, make_procedure

    with django_capture_on_commit_callbacks(execute=True):
        procedure = make_procedure()
        paused = make_dossier(procedure, code="HS-P", received=at(2017, 3, 1))
        change_status(paused, 5, requested_papers="Bản sao giấy phép kinh doanh")
        again = make_dossier(procedure, code="HS-L", received=at(2017, 3, 1))  # due 6/3
        confirm_letter(again, None, "x", date(2017, 3, 9), "A", "B", issued_on=date(2017, 3, 7))
    params = {"today": date(2017, 3, 20)}
    rows = tracking.late_dossiers_by_unit(**params)
    assert rows == late_dossiers_by_unit(**params)
    assert (rows[0]["late"], rows[0]["late_without_letter"]) == (1, 1)
