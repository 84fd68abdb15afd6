"""Đề xuất nhiệm vụ rà soát: a changed legal basis proposes a review to the procedure's
unit; its staff or a legal officer accept it (a plan task) or dismiss it with a reason."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from regulations.documents.models import LegalVersion
from regulations.documents.services.amend import amend
from regulations.documents.signals import version_confirmed
from regulations.planning.models import PlanTask, ProposalStatus, ReviewProposal
from regulations.planning.services.proposals import (
    accept_proposal,
    can_decide,
    dismiss_proposal,
)
from tests.planning.helpers import denied
from tests.procedures.factories import (
    ProcedureFactory,
    ProcedureVersionFactory,
    basis,
    decision,
    law_with_articles,
)


@pytest.fixture
def proposal(world):
    """Luật Báo chí Điều 35 changed; procedure handled by Phòng CNTT cites it."""
    law = law_with_articles(articles=("35",))
    procedure = ProcedureFactory(handling_unit=world.units["cntt"], name="Cấp giấy phép bản tin")
    basis(ProcedureVersionFactory(procedure=procedure), law, "dieu-35")
    previous = law.versions.get()
    amending = decision("01/2018/QH14", issued=date(2018, 1, 5), title="Luật sửa đổi")
    version = amend(
        law, amending, date(2018, 7, 1),
        [{"path": "dieu-35/khoan-1", "action": "replace", "text": "Nội dung mới."}],
    )  # fmt: skip
    version_confirmed.send(sender=LegalVersion, version=version, previous=previous)
    return ReviewProposal.objects.get()


def test_changed_basis_proposes_a_review_to_the_handling_unit(world, proposal):
    procedure = proposal.basis_change.procedure
    assert proposal.unit == world.units["cntt"]
    assert proposal.status == ProposalStatus.PROPOSED
    assert procedure.code in proposal.title and "căn cứ pháp lý thay đổi" in proposal.title
    assert "Điều 35 (Sửa đổi)" in proposal.description
    assert "01/07/2018" in proposal.description
    assert proposal.task is None


ROLE_MATRIX = [
    ("truongphong", True),  # unit head of the handling unit
    ("chuyenvien", True),  # specialist of the handling unit
    ("phapche", True),  # legal officer
    ("admin", True),
    ("truongphong_khtc", False),  # head of another unit
    ("chuyenvien_khtc", False),
    ("lanhdao", False),
    ("motcua", False),
]


@pytest.mark.parametrize(("username", "allowed"), ROLE_MATRIX)
def test_only_unit_staff_or_legal_officer_may_decide(world, proposal, client, username, allowed):
    user = world.users[username]
    assert can_decide(user, proposal) is allowed
    client.force_login(user)
    url = reverse("planning_admin:proposal", args=[proposal.pk])
    response = client.post(url, {"action": "dismiss", "dismiss-reason": "Không cần thiết."})
    proposal.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert proposal.status == ProposalStatus.DISMISSED
    else:
        assert denied(response)
        assert proposal.status == ProposalStatus.PROPOSED
        with pytest.raises(PermissionDenied):
            accept_proposal(proposal, user, plan=world.plan, deadline=date(2018, 9, 30))
        assert not PlanTask.objects.filter(proposals=proposal).exists()


def test_accept_creates_the_review_task_in_the_plan_and_closes_the_flag(world, proposal, client):
    client.force_login(world.users["chuyenvien"])
    url = reverse("planning_admin:proposal", args=[proposal.pk])
    page = client.get(url).content.decode()
    assert "Căn cứ pháp lý đã thay đổi" in page and "Điều 35" in page
    response = client.post(
        url,
        {
            "action": "accept",
            "accept-plan": world.plan.pk,
            "accept-title": "Rà soát thủ tục cấp giấy phép bản tin",
            "accept-deadline": "2018-09-30",
        },
    )
    proposal.refresh_from_db()
    task = proposal.task
    assert response.status_code == 302
    assert response["Location"] == reverse("planning_admin:task_detail", args=[task.pk])
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by == world.users["chuyenvien"]
    assert task.plan == world.plan and task.lead_unit == world.units["cntt"]
    assert task.title == "Rà soát thủ tục cấp giấy phép bản tin"
    assert task.deadline == date(2018, 9, 30)
    target = task.targets.get()
    assert target.kind == "thu_tuc" and target.procedure == proposal.basis_change.procedure
    assert task.revisions.count() == 1
    change = proposal.basis_change
    change.refresh_from_db()
    assert change.resolved_at is not None and change.resolved_by == world.users["chuyenvien"]
    assert "Đã giao nhiệm vụ rà soát" in change.resolution
    with pytest.raises(ValidationError, match="Đề xuất đã được xử lý"):
        accept_proposal(
            proposal, world.users["phapche"], plan=world.plan, deadline=date(2018, 9, 30)
        )
    assert PlanTask.objects.filter(proposals__isnull=False).count() == 1


def test_accept_with_a_deadline_before_the_plan_changes_nothing(world, proposal, client):
    client.force_login(world.users["phapche"])
    tasks_before = PlanTask.objects.count()
    response = client.post(
        reverse("planning_admin:proposal", args=[proposal.pk]),
        {
            "action": "accept",
            "accept-plan": world.plan.pk,
            "accept-title": proposal.title,
            "accept-deadline": "2017-01-01",
        },
    )
    assert response.status_code == 400
    assert "không thể trước ngày ban hành kế hoạch" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
    assert PlanTask.objects.count() == tasks_before
    assert proposal.basis_change.resolved_at is None


def test_dismiss_needs_a_reason_and_then_closes_the_flag(world, proposal, client):
    user = world.users["truongphong"]
    with pytest.raises(ValidationError, match="Cần nêu lý do"):
        dismiss_proposal(proposal, user, "   ")
    client.force_login(user)
    url = reverse("planning_admin:proposal", args=[proposal.pk])
    response = client.post(url, {"action": "dismiss", "dismiss-reason": ""})
    assert response.status_code == 400
    assert "Cần nêu lý do không thực hiện rà soát." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
    dismiss_proposal(proposal, user, "Điều 35 chỉ sửa câu chữ, thủ tục không đổi.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISMISSED
    assert proposal.task is None
    change = proposal.basis_change
    change.refresh_from_db()
    assert change.resolved_by == user
    assert (
        change.resolution == "Không thực hiện rà soát: Điều 35 chỉ sửa câu chữ, thủ tục không đổi."
    )


def test_proposal_listing_shows_the_unit_proposals(world, proposal, client):
    client.force_login(world.users["chuyenvien"])
    html = client.get(
        reverse("wagtailsnippets_planning_reviewproposal:list"), {"status": "de_xuat"}
    ).content.decode()
    assert proposal.title in html
    assert reverse("planning_admin:proposal", args=[proposal.pk]) in html
