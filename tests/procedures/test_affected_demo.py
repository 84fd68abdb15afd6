"""The demo holds a procedure whose legal basis a consolidation changed."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.documents.models import LegalDocument, LegalVersion
from regulations.planning.models import Plan, PlanTask, ReviewProposal
from regulations.procedures.models import ProcedureBasisChange

pytestmark = pytest.mark.django_db

PORTAL = "1.003629.000.00.00.H29"  # Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp


def test_demo_consolidation_flags_the_procedure_citing_the_amended_article(demo_site):
    base = LegalDocument.objects.get(number_symbol="72/2013/NĐ-CP")
    version = LegalVersion.objects.get(
        document=base, amending_document__number_symbol="27/2018/NĐ-CP"
    )
    assert not version.is_draft
    article = version.provisions.get(path="dieu-23")
    assert article.changed_by.number_symbol == "27/2018/NĐ-CP"
    change = ProcedureBasisChange.objects.get(procedure__code=PORTAL)
    assert change.legal_version == version
    assert change.changes == [{"path": "dieu-23", "status": "changed"}]
    proposal = ReviewProposal.objects.get(basis_change=change)
    assert proposal.unit == change.procedure.handling_unit and proposal.is_open


def test_demo_report_lists_the_procedure(demo_site, client):
    client.force_login(get_user_model().objects.get(username="phapche"))  # legal officer
    html = client.get(reverse("procedures_admin:basis_report")).content.decode()
    assert PORTAL in html
    assert "Điều 23 (Sửa đổi)" in html
    assert "27/2018/NĐ-CP" in html
    unit = ProcedureBasisChange.objects.get(procedure__code=PORTAL).procedure.handling_unit
    html = client.get(
        reverse("procedures_admin:basis_report"), {"unit": unit.pk, "status": "chua_xu_ly"}
    ).content.decode()
    assert PORTAL in html


def test_demo_legal_officer_accepts_the_proposal_into_the_demo_plan(demo_site, client):
    change = ProcedureBasisChange.objects.get(procedure__code=PORTAL)
    plan = Plan.objects.get(document__number_symbol="572/KH-STTTT")
    client.force_login(get_user_model().objects.get(username="phapche"))
    response = client.post(
        reverse("planning_admin:proposal", args=[change.review_proposal.pk]),
        {
            "action": "accept",
            "accept-plan": plan.pk,
            "accept-title": "Rà soát thủ tục cấp giấy phép trang thông tin điện tử tổng hợp",
            "accept-deadline": "2018-06-30",
        },
    )
    assert response.status_code == 302
    task = PlanTask.objects.get(proposals__basis_change=change)
    assert task.plan == plan and task.lead_unit == change.procedure.handling_unit
    change.refresh_from_db()
    assert change.resolved_at is not None
