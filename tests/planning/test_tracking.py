"""Tracking numbers: per unit, by status, overdue (derived), due soon, completion rate."""

from datetime import date
from decimal import Decimal

import pytest

from regulations.planning.choices import TaskStatus
from regulations.planning.models import PlanTask, ReviewRecord, SimplificationProposal
from regulations.planning.services import review_figures, tracking

from .conftest import make_task

TODAY = date(2017, 10, 1)


@pytest.fixture
def tasks(world):
    PlanTask.objects.all().delete()
    u = world.units
    p = world.plan
    # CNTT: done on time, done late, open & past deadline, open due in 5 days, recurring.
    make_task(
        p,
        "1",
        u["cntt"],
        deadline=date(2017, 6, 30),
        status="hoan_thanh",
        completed_on=date(2017, 6, 20),
    )
    make_task(
        p,
        "2",
        u["cntt"],
        deadline=date(2017, 6, 30),
        status="hoan_thanh",
        completed_on=date(2017, 7, 15),
    )
    make_task(p, "3", u["cntt"], deadline=date(2017, 9, 1), status="dang_thuc_hien")
    make_task(p, "4", u["cntt"], deadline=date(2017, 10, 6), status="cho_duyet")
    make_task(p, "5", u["cntt"], recurring=True, status="dang_thuc_hien")
    # KHTC: one not started, deadline later than the due-soon window.
    make_task(p, "6", u["khtc"], deadline=date(2017, 12, 31))
    return world


def by_unit(rows):
    return {row["unit"]: row for row in rows}


def test_unit_rows_numbers(tasks):
    rows = by_unit(tracking.task_tracking(plan_id=tasks.plan.pk, today=TODAY))
    cntt = rows["Phòng Công nghệ thông tin"]
    assert cntt["total"] == 5
    assert cntt["by_status"] == {
        "chua_thuc_hien": 0,
        "dang_thuc_hien": 2,
        "cho_duyet": 1,
        "hoan_thanh": 2,
    }
    assert sum(cntt["by_status"].values()) == cntt["total"]
    assert cntt["overdue"] == 1  # open past deadline; recurring never overdue
    assert cntt["completed_late"] == 1  # done after the deadline: late, not overdue
    assert cntt["due_soon"] == 1
    assert cntt["completion_rate"] == 0.4
    khtc = rows["Phòng Kế hoạch - Tài chính"]
    assert (khtc["total"], khtc["overdue"], khtc["due_soon"], khtc["completion_rate"]) == (
        1,
        0,
        0,
        0.0,
    )


def test_overdue_is_derived_never_stored(tasks):
    assert "qua_han" not in TaskStatus.values
    late = PlanTask.objects.get(number="3")
    assert late.is_overdue(TODAY) and not late.is_overdue(date(2017, 8, 1))
    recurring = PlanTask.objects.get(number="5")
    assert not recurring.is_overdue(TODAY)


def test_task_done_after_its_deadline_is_completed_late_not_overdue(tasks):
    done_late = PlanTask.objects.get(number="2")
    assert not done_late.is_overdue(TODAY)
    assert done_late.is_completed_late()
    assert done_late.lateness_label(TODAY) == "Hoàn thành trễ hạn"
    open_late = PlanTask.objects.get(number="3")
    assert not open_late.is_completed_late()
    assert open_late.lateness_label(TODAY) == "Quá hạn"
    on_time = PlanTask.objects.get(number="1")
    assert on_time.lateness_label(TODAY) == ""


def test_period_filter_keeps_recurring_tasks(tasks):
    rows = by_unit(
        tracking.task_tracking(
            plan_id=tasks.plan.pk,
            period_start=date(2017, 9, 1),
            period_end=date(2017, 10, 31),
            today=TODAY,
        )
    )
    assert rows["Phòng Công nghệ thông tin"]["total"] == 3  # tasks 3, 4 and the recurring 5
    assert "Phòng Kế hoạch - Tài chính" not in rows


def test_totals_line_adds_up(tasks):
    rows = tracking.task_tracking(plan_id=tasks.plan.pk, today=TODAY)
    total = tracking.totals(rows)
    assert total["total"] == 6 == sum(total["by_status"].values())
    assert total["overdue"] == 1
    assert total["completed_late"] == 1


def test_completions_by_month(tasks):
    assert tracking.completions_by_month(plan_id=tasks.plan.pk) == [
        {"month": "2017-06", "count": 1},
        {"month": "2017-07", "count": 1},
    ]


def test_search_module_gives_the_same_numbers_as_the_orm(tasks):
    """Views read numbers through the declared aggregations (embedded engine here)."""
    orm = tracking.task_tracking(plan_id=tasks.plan.pk, today=TODAY)
    via_search = tracking.unit_rows(tasks.plan, today=TODAY)
    assert via_search == orm


def test_review_outcomes_and_savings(world):
    from .helpers import internal_rule

    record = ReviewRecord.objects.create(
        title="R",
        plan=world.plan,
        target_kind="quy_che_noi_bo",
        document=internal_rule(),
        outcome="bai_bo_mot_phan",
        reason="x",
        responsible_unit=world.units["khtc"],
    )
    proposal = SimplificationProposal.objects.create(
        record=record,
        hours_before=Decimal(16),
        hours_after=Decimal(8),
        hourly_income=Decimal(25000),
        outside_cost_before=Decimal(100000),
        outside_cost_after=Decimal(50000),
        fee_before=Decimal(50000),
        fee_after=Decimal(0),
        times_per_year=2,
        applicants=100,
    )
    # (16 × 25 000 + 100 000 + 50 000) × 2 × 100 = 110 000 000
    assert proposal.cost_before == Decimal(110_000_000)
    # (8 × 25 000 + 50 000 + 0) × 2 × 100 = 50 000 000
    assert proposal.cost_after == Decimal(50_000_000)
    assert proposal.saving_rate == pytest.approx(60 / 110)
    assert proposal.hours_saved_per_year == 1600
    totals = review_figures.savings_totals(plan_id=world.plan.pk)
    assert totals["cost_before"] == 110_000_000
    assert totals["saving"] == 60_000_000
    assert totals["saving_rate"] == round(60 / 110, 4)
    outcomes = review_figures.review_outcomes(plan_id=world.plan.pk)
    assert outcomes[0]["unit"] == "Phòng Kế hoạch - Tài chính"
    assert outcomes[0]["by_outcome"]["bai_bo_mot_phan"] == 1
    assert sum(outcomes[0]["by_outcome"].values()) == outcomes[0]["total"] == 1


def test_search_items_carry_the_registry_fields(tasks):
    from regulations.planning.search_items import task_items

    item = next(task_items(PlanTask.objects.get(number="2")))
    assert item.kind == "task" and item.public is False
    assert set(item.data) >= {
        "plan_id",
        "unit_id",
        "unit_name",
        "status",
        "deadline",
        "completed_on",
        "recurring",
    }
    assert item.data["deadline"] == "2017-06-30" and item.data["completed_late"] is True
