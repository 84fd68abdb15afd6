"""Wagtail's workflow e-mails, sent only to the people of the step (and its unit).

Wagtail mails every member of a step's groups (all unit heads, every unit) plus the
superusers. Here a step may narrow that list with `notified_users(obj, users)`
(UnitHeadApprovalTask: the heads of the record's own unit), superusers are left out
(WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS), and the people our own notices
already reach (services.notifications: legal officers when a review record awaits
them, the unit when it is sent back) get no second, duplicate mail.
The texts are ours, in Vietnamese: templates/wagtailadmin/notifications/.
"""

from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_rejected

from regulations.organisation.models import Role

from .models import ReviewRecord


def _is_review(obj):
    return isinstance(obj, ReviewRecord)


class StepSubmissionNotifier(mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        users = super().get_recipient_users(task_state, **kwargs)
        obj = task_state.workflow_state.content_object
        narrow = getattr(task_state.task.specific, "notified_users", None)
        if narrow is not None:
            users = narrow(obj, users)
        if _is_review(obj):  # notify_review_awaiting mails them, in the notices list
            users = users.exclude(staff_profile__role=Role.LEGAL_OFFICER)
        return users.distinct()


class RejectionNotifier(mail.WorkflowStateRejectionEmailNotifier):
    def can_handle(self, instance, **kwargs):
        # A review record sent back: notify_review_rejected tells its unit.
        return super().can_handle(instance, **kwargs) and not _is_review(instance.content_object)


# Wagtail connects its notifiers under these ids (wagtail.admin.signal_handlers);
# the same id and sender keeps only one of each, whichever app is ready first.
SUBMITTED_UID = "group_approval_task_submitted_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"


# Module-level: signals hold their receivers by weak reference.
step_submission_notifier = StepSubmissionNotifier()
rejection_notifier = RejectionNotifier()


def connect():
    task_submitted.disconnect(sender=TaskState, dispatch_uid=SUBMITTED_UID)
    task_submitted.connect(step_submission_notifier, sender=TaskState, dispatch_uid=SUBMITTED_UID)
    workflow_rejected.disconnect(sender=WorkflowState, dispatch_uid=REJECTED_UID)
    workflow_rejected.connect(rejection_notifier, sender=WorkflowState, dispatch_uid=REJECTED_UID)
