"""One waiting delivery job is enough (search.jobs.enqueue_delivery): with the database
task backend, a commit that wrote outbox rows queues process_outbox only when no
delivery is queued and unclaimed; the waiting one sends every committed row."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from search import service
from search.indexing import deferred
from search.jobs import process_outbox
from search.models import SearchOutbox

from .factories import legal_document

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

pytestmark = pytest.mark.usefixtures("embedded_engine")


def _deliveries():
    return DBTaskResult.objects.filter(task_path=process_outbox.module_path)


def _import_in_own_transaction(capture, number, title):
    """A bulk writer's transaction, as one Word file's import: a refresh row, committed."""
    with capture(execute=True), transaction.atomic(), deferred(queue=True):
        legal_document(title, number)


@override_settings(TASKS=DB_TASKS)
def test_commits_while_a_delivery_waits_queue_no_other_and_it_sends_all(
    django_capture_on_commit_callbacks,
):
    _import_in_own_transaction(django_capture_on_commit_callbacks, "40/QĐ-STTTT", "Quy chế văn thư")
    _import_in_own_transaction(django_capture_on_commit_callbacks, "41/QĐ-STTTT", "Quy chế lưu trữ")
    assert SearchOutbox.objects.count() == 2
    waiting = _deliveries().get()
    assert service.search("quy che").count == 0  # not delivered yet

    waiting.claim("worker")
    waiting.task.call()
    assert not SearchOutbox.objects.exists()
    assert service.search("quy che").count == 2


@override_settings(TASKS=DB_TASKS)
def test_a_delivery_claimed_by_a_worker_does_not_stand_for_later_commits(
    django_capture_on_commit_callbacks,
):
    _import_in_own_transaction(django_capture_on_commit_callbacks, "42/QĐ-STTTT", "Quy chế văn thư")
    _deliveries().get().claim("worker")  # it may have read the outbox already

    _import_in_own_transaction(django_capture_on_commit_callbacks, "43/QĐ-STTTT", "Quy chế lưu trữ")
    assert _deliveries().count() == 2
    assert _deliveries().filter(status="READY").count() == 1
