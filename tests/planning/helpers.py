"""Review-record helpers shared by the workflow, notification and permission tests."""

from datetime import date

from django.urls import reverse

from regulations.documents.models import (
    DocumentKind,
    DocumentType,
    LegalDocument,
    LegalVersion,
    Provision,
)
from regulations.planning.models import ReviewRecord


def internal_rule(title="Quy chế chi tiêu nội bộ"):
    doc_type, _ = DocumentType.objects.get_or_create(
        name="Quy chế", defaults={"abbreviation": "QC", "default_kind": DocumentKind.INTERNAL_RULE}
    )
    doc = LegalDocument.objects.create(
        kind=DocumentKind.INTERNAL_RULE,
        document_type=doc_type,
        title=title,
        issued_date=date(2017, 2, 20),
    )
    version = LegalVersion.objects.create(document=doc, effective_from=date(2017, 3, 1))
    for order, number in enumerate(["6", "7"]):
        Provision.objects.create(
            version=version,
            level="dieu",
            number=number,
            title="Điều",
            text="…",
            path=f"dieu-{number}",
            sort_order=order,
        )
    return doc


def submitted_record(world, outcome="sua_doi_bo_sung", author=None):
    """A review record of the KHTC unit, submitted to the approval workflow."""
    author = author or world.users["chuyenvien_khtc"]
    record = ReviewRecord(
        title="Rà soát Quy chế chi tiêu nội bộ",
        plan=world.plan,
        target_kind="quy_che_noi_bo",
        document=internal_rule(),
        provision_path="dieu-6",
        outcome=outcome,
        reason="Không còn phù hợp",
        responsible_unit=world.units["khtc"],
        reviewed_on=date(2017, 9, 25),
        live=False,
    )
    record.full_clean()
    record.save()
    record.save_revision(user=author)
    record.get_workflow().start(record, author)
    return record


def current_state(record):
    record.refresh_from_db()
    return record.current_workflow_state.current_task_state


def action_url(record, action):
    return reverse(
        "wagtailsnippets_planning_reviewrecord:workflow_action",
        args=[record.pk, action, current_state(record).pk],
    )


def approve_by(client, record, user, comment=""):
    client.force_login(user)
    return client.post(action_url(record, "approve"), {"comment": comment})


def reject_by(client, record, user, comment):
    client.force_login(user)
    return client.post(action_url(record, "reject"), {"comment": comment})


def denied(response):
    """Wagtail's admin answers a PermissionDenied with 403 (XHR) or a redirect to the
    dashboard with an error message, and an object outside the user's scope
    (cms.admin_scope) with 404; all are a refusal, and none shows the object."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
