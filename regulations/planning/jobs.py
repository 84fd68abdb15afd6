"""Background jobs (django-tasks): e-mail notices, each sent once (see services.notifications).

"Job" here is django-tasks' task; "task" in planning means PlanTask (nhiệm vụ).
"""

from django_tasks import task
from wagtail.models import TaskState

from .models import PlanTask, ReviewRecord
from .services.notifications import (
    deadline_notices,
    notify_review_awaiting,
    notify_review_rejected,
    notify_task_assigned,
)


@task()
def send_task_assigned(task_id: int) -> int:
    plan_task = PlanTask.objects.filter(pk=task_id).select_related("plan__document").first()
    return len(notify_task_assigned(plan_task)) if plan_task else 0


@task()
def send_deadline_notices() -> int:
    return len(deadline_notices())


@task()
def send_review_awaiting(record_id: int, task_state_id: int) -> int:
    record = ReviewRecord.objects.filter(pk=record_id).first()
    state = TaskState.objects.filter(pk=task_state_id).first()
    return len(notify_review_awaiting(record, state)) if record and state else 0


@task()
def send_review_rejected(record_id: int, task_state_id: int) -> int:
    record = ReviewRecord.objects.filter(pk=record_id).first()
    state = TaskState.objects.filter(pk=task_state_id).first()
    if not (record and state):
        return 0
    return len(notify_review_rejected(record, state, state.comment))
