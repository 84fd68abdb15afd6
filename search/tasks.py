"""Delivering the Elasticsearch outbox (django-tasks)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .engines import get_engine
from .models import SearchOutbox

BATCH = 500
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s … doubling, at most an hour."""
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def deliver_outbox(engine=None, limit=None, force=False) -> dict:
    """Send queued changes in order; on failure keep them and back off.

    Rows are delivered strictly in id order: when the oldest row is waiting for
    its retry time, nothing newer overtakes it.
    """
    engine = engine or get_engine()
    summary = {"delivered": 0, "failed": 0, "error": ""}
    if engine.transactional:
        return summary
    while limit is None or summary["delivered"] < limit:
        rows = list(SearchOutbox.objects.order_by("id")[:BATCH])
        if not rows:
            break
        now = timezone.now()
        head = rows[0]
        if not force and head.next_attempt_at and head.next_attempt_at > now:
            break
        try:
            engine.apply([(r.action, r.key, r.payload) for r in rows])
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
        with transaction.atomic():
            SearchOutbox.objects.filter(id__in=[r.id for r in rows]).delete()
        summary["delivered"] += len(rows)
    return summary


@task()
def process_outbox():
    """Deliver due outbox rows; schedule a retry when delivery failed."""
    summary = deliver_outbox()
    if summary.get("retry_at"):
        backend = process_outbox.get_backend()
        if getattr(backend, "supports_defer", False):
            from datetime import datetime

            process_outbox.using(run_after=datetime.fromisoformat(summary["retry_at"])).enqueue()
    return summary
