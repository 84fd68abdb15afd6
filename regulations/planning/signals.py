"""Hooks that turn model events into background notices (after the transaction commits)."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import task_rejected, task_submitted

from .jobs import send_review_awaiting, send_review_rejected, send_task_assigned
from .models import PlanTask, ReviewRecord
from .services.proposals import propose_review


@receiver(pre_save, sender=PlanTask)
def remember_lead_unit(sender, instance, **kwargs):
    if instance.pk:
        instance._previous_lead_unit_id = (
            PlanTask.objects.filter(pk=instance.pk).values_list("lead_unit_id", flat=True).first()
        )
    else:
        instance._previous_lead_unit_id = None


@receiver(post_save, sender=PlanTask)
def task_assigned(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created or instance._previous_lead_unit_id != instance.lead_unit_id:
        task_id = instance.pk
        transaction.on_commit(lambda: send_task_assigned.enqueue(task_id))


def _is_review(task_state):
    return isinstance(task_state.workflow_state.content_object, ReviewRecord)


@receiver(task_submitted)
def review_awaiting(sender, instance, user=None, **kwargs):
    if not _is_review(instance):
        return

    record_id = int(instance.workflow_state.object_id)
    state_id = instance.pk
    transaction.on_commit(lambda: send_review_awaiting.enqueue(record_id, state_id))


@receiver(task_rejected)
def review_rejected(sender, instance, user=None, **kwargs):
    if not _is_review(instance):
        return

    record_id = int(instance.workflow_state.object_id)
    state_id = instance.pk
    transaction.on_commit(lambda: send_review_rejected.enqueue(record_id, state_id))


@receiver(post_save, sender="procedures.ProcedureBasisChange", dispatch_uid="planning_propose")
def propose_basis_review(sender, instance, created, raw=False, **kwargs):
    """A procedure's legal basis changed: propose a review to its handling unit."""
    if raw or not created:
        return

    propose_review(instance)
