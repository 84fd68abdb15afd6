"""Delivering the search outbox: the django-tasks job process_outbox and its loop."""

from contextlib import nullcontext
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .engines import get_engine
from .models import OutboxAction, SearchOutbox
from .sources import refresh_changes

BATCH = 500
MAX_CHANGES = 5000
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s … doubling, at most an hour."""
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def deliver_outbox(engine=None, limit=None, force=False) -> dict:
    """Send queued changes in order; on failure keep them and back off.

    Rows are delivered strictly in id order: when the oldest row is waiting for
    its retry time, nothing newer overtakes it. A "refresh" row is read from the
    database at delivery (search.sources.refresh_changes), so it always sends the
    object as it is now.
    """
    engine = engine or get_engine()
    summary = {"delivered": 0, "failed": 0, "error": ""}
    while limit is None or summary["delivered"] < limit:
        rows = list(SearchOutbox.objects.order_by("id")[:BATCH])
        if not rows:
            break
        now = timezone.now()
        head = rows[0]
        if not force and head.next_attempt_at and head.next_attempt_at > now:
            break
        try:
            # The embedded engine writes in this transaction; a remote engine is not
            # called with the database locked.
            with transaction.atomic() if engine.transactional else nullcontext():
                rows, changes = _changes(rows)
                engine.apply(changes)
                SearchOutbox.objects.filter(id__in=[r.id for r in rows]).delete()
        except Exception as exc:
            attempts = head.attempts + 1
            ids = [r.id for r in rows]
            SearchOutbox.objects.filter(id__in=ids).update(
                attempts=attempts,
                next_attempt_at=now + backoff(attempts),
                last_error=f"{type(exc).__name__}: {exc}"[:2000],
            )
            summary["failed"] = len(rows)
            summary["error"] = f"{type(exc).__name__}: {exc}"[:500]
            summary["retry_at"] = (now + backoff(attempts)).isoformat()
            break
        summary["delivered"] += len(rows)
    return summary


def _changes(rows):
    """(the rows taken, their changes): refresh rows are expanded, and the batch is
    cut once it holds MAX_CHANGES changes (a refresh of a code is thousands)."""
    changes = []
    for n, row in enumerate(rows):
        if n and len(changes) >= MAX_CHANGES:
            return rows[:n], changes
        if row.action == OutboxAction.REFRESH:
            changes.extend(refresh_changes(row.key))
        else:
            changes.append((row.action, row.key, row.payload))
    return rows, changes


@task()
def process_outbox():
    """Deliver due outbox rows; schedule a retry when delivery failed."""
    summary = deliver_outbox()
    if summary.get("retry_at"):
        backend = process_outbox.get_backend()
        if getattr(backend, "supports_defer", False):
            process_outbox.using(run_after=datetime.fromisoformat(summary["retry_at"])).enqueue()
    return summary


def enqueue_delivery():
    """Queue process_outbox, after a commit that wrote outbox rows, unless a delivery
    queued before has not started yet: that one runs after this commit and sends these
    rows too. An import of 217 files queued 217 deliveries, of which the first sent
    everything and 216 found nothing, each paying the worker's cost per task.

    Only the database backend can be asked; with any other, every commit enqueues.
    """
    backend = process_outbox.get_backend()
    if isinstance(backend, DatabaseBackend) and _delivery_waiting(backend):
        return None
    return process_outbox.enqueue()


def _delivery_waiting(backend) -> bool:
    """True when a delivery is queued and not claimed by a worker yet (a claimed one
    may already have read the outbox)."""
    return (
        DBTaskResult.objects.ready()
        .filter(
            backend_name=backend.alias,
            queue_name=process_outbox.queue_name,
            task_path=process_outbox.module_path,
        )
        .exists()
    )
