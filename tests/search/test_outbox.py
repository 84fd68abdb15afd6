"""Nothing lost: with Elasticsearch down, saves succeed and the outbox keeps the work."""

from datetime import timedelta

from django.core.management import call_command
from freezegun import freeze_time

from search import service
from search.jobs import deliver_outbox
from search.models import SearchOutbox

from .factories import legal_document


def _status_text():
    import io

    out = io.StringIO()
    call_command("search_status", stdout=out)
    return out.getvalue()


def test_engine_down_saves_succeed_and_backlog_drains(
    es_engine, engine_down, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        legal_document("Quy chế làm việc của Sở", "10/QĐ-STTTT")
    assert SearchOutbox.objects.count() == 0
    assert service.search("quy che lam viec").count == 1

    with engine_down():
        with django_capture_on_commit_callbacks(execute=True):
            doc = legal_document("Kế hoạch kỷ cương hành chính", "572/KH-STTTT")
            legal_document("Đơn giản hóa thủ tục", "20/KH-STTTT")
            doc.title = "Kế hoạch năm kỷ cương hành chính 2017"
            doc.save()
        backlog = SearchOutbox.objects.count()
        assert backlog >= 3
        row = SearchOutbox.objects.order_by("id").first()
        assert row.attempts == 1 and row.last_error and row.next_attempt_at
        text = _status_text()
        assert f"Backlog (outbox): {backlog}" in text
        assert "Last error: " in text and "Last error: -" not in text
        # Still down: retrying keeps everything.
        assert deliver_outbox(force=True)["failed"] == backlog
        assert SearchOutbox.objects.count() == backlog
    # The engine is back.

    summary = deliver_outbox(force=True)
    assert summary["delivered"] == backlog
    assert SearchOutbox.objects.count() == 0
    assert "Backlog (outbox): 0" in _status_text()
    titles = {h.title for h in service.search("ky cuong").hits}
    assert "Kế hoạch năm kỷ cương hành chính 2017" in titles  # the update, not the first save
    assert "Kế hoạch kỷ cương hành chính" not in titles
    assert service.search("don gian hoa thu tuc").count == 1
    assert service.search("quy che lam viec").count == 1


def test_rows_wait_for_their_retry_time_in_order(
    es_engine, engine_down, db, django_capture_on_commit_callbacks
):
    with engine_down(), django_capture_on_commit_callbacks(execute=True):
        legal_document("Quy chế chi tiêu nội bộ", "11/QĐ-STTTT")
    # Not yet due: an ordinary delivery leaves the backlog alone (backoff). The clock
    # is held before the retry time, since restarting a real node takes longer.
    retry_at = SearchOutbox.objects.order_by("id").first().next_attempt_at
    with freeze_time(retry_at - timedelta(seconds=1)):
        assert deliver_outbox()["delivered"] == 0
    assert SearchOutbox.objects.exists()
    assert deliver_outbox(force=True)["delivered"] > 0
    assert service.search("chi tieu noi bo").count == 1


def test_embedded_engine_writes_in_the_same_transaction(embedded_engine, db):
    from django.db import transaction

    try:
        with transaction.atomic():
            legal_document("Quy chế tiếp công dân", "12/QĐ-STTTT")
            assert service.search("tiep cong dan").count == 1
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert service.search("tiep cong dan").count == 0
    assert SearchOutbox.objects.count() == 0


def test_delete_removes_document_and_provisions(embedded_engine, db):
    from .factories import version_with_provisions

    doc = legal_document("Quy chế làm việc", "13/QĐ-STTTT")
    version_with_provisions(doc, [(1, "Phạm vi điều chỉnh", "Quy chế này quy định lề lối.")])
    assert {h.kind for h in service.search("le loi").hits} == {"provision"}
    doc.delete()
    assert service.search("le loi").count == 0
    assert service.search("quy che lam viec").count == 0


def test_search_with_engine_down_answers_503_not_500(es_engine, engine_down, client):
    from django.urls import reverse

    with engine_down():
        response = client.get(reverse("search:api"), {"q": "ky cuong"})
        assert response.status_code == 503 and response.json()["error"]
        page = client.get(reverse("search:search"), {"q": "ky cuong"})
        assert page.status_code == 503 and "gián đoạn" in page.content.decode()


def test_es_stale_items_of_an_object_are_purged(es_engine, db, django_capture_on_commit_callbacks):
    from regulations.documents.models import Provision

    from .factories import version_with_provisions

    with django_capture_on_commit_callbacks(execute=True):
        doc = legal_document("Quy chế văn thư", "14/QĐ-STTTT")
        version_with_provisions(
            doc, [(1, "Phạm vi", "Lưu trữ hồ sơ."), (2, "Đối tượng", "Lưu trữ tài liệu.")]
        )
    assert service.search("luu tru", kind="provision").total == 2
    with django_capture_on_commit_callbacks(execute=True):
        Provision.objects.get(number="2", version__document=doc).delete()
    assert service.search("luu tru", kind="provision").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        doc.delete()
    assert service.search("luu tru").count == 0
    assert SearchOutbox.objects.count() == 0
