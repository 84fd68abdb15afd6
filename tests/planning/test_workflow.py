"""Review records: unit head → legal officer → leadership; rejection carries a comment."""

from django.core import mail

from regulations.documents.models import LegalDocument
from regulations.planning.choices import ReviewStatus
from regulations.planning.models import Notification, ReviewRecord
from regulations.planning.services.reviews import start_new_version

from .helpers import approve_by, current_state, denied, reject_by, submitted_record


def test_workflow_has_three_group_steps(world):
    record = submitted_record(world)
    workflow = record.get_workflow()
    names = [t.name for t in workflow.tasks.all()]
    assert names == ["Trưởng đơn vị duyệt", "Pháp chế thẩm định", "Lãnh đạo Sở phê duyệt"]
    assert record.review_status == ReviewStatus.IN_REVIEW


def test_full_approval_publishes_the_record(world, client):
    record = submitted_record(world)
    assert approve_by(client, record, world.users["truongphong_khtc"]).status_code == 302
    assert current_state(record).task.name == "Pháp chế thẩm định"
    assert approve_by(client, record, world.users["phapche"], "Đúng quy định").status_code == 302
    assert current_state(record).task.name == "Lãnh đạo Sở phê duyệt"
    assert approve_by(client, record, world.users["lanhdao"]).status_code == 302
    record = ReviewRecord.objects.get(pk=record.pk)
    assert record.live
    assert record.review_status == ReviewStatus.APPROVED


def test_rejection_carries_the_comment_back_to_the_unit(
    world, client, django_capture_on_commit_callbacks
):
    record = submitted_record(world)
    approve_by(client, record, world.users["truongphong_khtc"])
    mail.outbox.clear()
    comment = "Chưa nêu căn cứ pháp lý của đề xuất bãi bỏ."
    with django_capture_on_commit_callbacks(execute=True):
        response = reject_by(client, record, world.users["phapche"], comment)
    assert response.status_code == 302
    record = ReviewRecord.objects.get(pk=record.pk)
    assert record.review_status == ReviewStatus.REJECTED
    assert record.rejection_comment == comment
    notices = Notification.objects.filter(review=record, kind="ra_soat_bi_tra_lai")
    assert {n.recipient.username for n in notices} == {"chuyenvien_khtc", "truongphong_khtc"}
    assert any(comment in m.body for m in mail.outbox)


def test_only_the_legal_officer_approves_the_legal_step(world, client):
    record = submitted_record(world)
    approve_by(client, record, world.users["truongphong_khtc"])
    for name in ("truongphong", "chuyenvien", "lanhdao", "motcua"):
        assert denied(approve_by(client, record, world.users[name]))
    assert current_state(record).task.name == "Pháp chế thẩm định"


def test_approved_amend_outcome_starts_a_draft_new_version(world, client):
    record = submitted_record(world)
    for name in ("truongphong_khtc", "phapche", "lanhdao"):
        approve_by(client, record, world.users[name])
    record = ReviewRecord.objects.get(pk=record.pk)
    assert record.can_start_new_version
    client.force_login(world.users["lanhdao"])
    response = client.get(f"/admin/ke-hoach/ra-soat/{record.pk}/phien-ban-moi/")
    assert response.status_code == 200
    response = client.post(f"/admin/ke-hoach/ra-soat/{record.pk}/phien-ban-moi/")
    assert response.status_code == 302
    record.refresh_from_db()
    draft = record.draft_document
    assert draft is not None and not draft.live
    paths = list(draft.versions.get().provisions.values_list("path", flat=True))
    assert paths == ["dieu-6"]
    assert not record.can_start_new_version
    assert LegalDocument.objects.filter(live=True, pk=draft.pk).count() == 0


def test_no_new_version_before_approval(world):
    import pytest
    from django.core.exceptions import ValidationError

    record = submitted_record(world)
    with pytest.raises(ValidationError):
        start_new_version(record, world.users["lanhdao"])


def test_every_change_is_a_revision_with_compare_view(world, client):
    from regulations.planning.services.tasks import save_task

    task = world.tasks["cntt"]
    task.title = "Tên mới của nhiệm vụ"
    save_task(task, world.users["truongphong"])
    revisions = list(task.revisions.order_by("created_at"))
    assert len(revisions) == 2
    client.force_login(world.users["lanhdao"])
    history = client.get(f"/admin/snippets/planning/plantask/history/{task.pk}/")
    assert history.status_code == 200
    compare = client.get(
        f"/admin/snippets/planning/plantask/history/{task.pk}/revisions/compare/"
        f"{revisions[0].pk}...{revisions[1].pk}/"
    )
    assert compare.status_code == 200
    assert "Tên mới của nhiệm vụ" in compare.content.decode()


def test_a_unit_head_approves_only_their_own_units_records(world, client):
    record = submitted_record(world)  # a KHTC record
    assert denied(approve_by(client, record, world.users["truongphong"]))  # CNTT head
    assert current_state(record).task.name == "Trưởng đơn vị duyệt"
    assert approve_by(client, record, world.users["truongphong_khtc"]).status_code == 302
    assert current_state(record).task.name == "Pháp chế thẩm định"


def test_amend_link_points_to_the_documents_amend_view_when_it_exists(world):
    from django.urls import NoReverseMatch, reverse

    from regulations.planning.services.reviews import amend_url

    record = submitted_record(world)
    try:
        expected = f"{reverse('van-ban-sua-doi:amend')}?document={record.document_id}"
    except NoReverseMatch:
        expected = None
    assert amend_url(record.document) == expected
