"""Receive a feedback message, send it to the unit concerned, record the answer."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..jobs import notify_unit
from ..models import Feedback, FeedbackStatus
from .deadline import answer_deadline


def submit_feedback(
    *, subject, message, unit=None, procedure=None, name="", contact="", submitted_at=None
) -> Feedback:
    """Save the message (one transaction), then queue the e-mail to the unit concerned."""
    subject, message = " ".join((subject or "").split()), (message or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = _("Xin nhập tiêu đề phản ánh.")
    if not message:
        errors["message"] = _("Xin nhập nội dung phản ánh.")
    if errors:
        raise ValidationError(errors)
    if unit is None and procedure is not None:
        unit = procedure.handling_unit
    feedback = Feedback(
        subject=subject,
        message=message,
        unit=unit,
        procedure=procedure,
        name=(name or "").strip(),
        contact=(contact or "").strip(),
    )
    if submitted_at is not None:
        feedback.submitted_at = submitted_at
    feedback.deadline = answer_deadline(feedback.submitted_at)
    for attempt in range(3):
        try:
            with transaction.atomic():
                feedback.save()
            break
        except IntegrityError:
            # Two messages took the same number at the same moment: take the next one.
            feedback.pk, feedback.reference = None, ""
            if attempt == 2:
                raise
    notify_unit.enqueue(feedback.pk)
    return feedback


def answer_feedback(feedback: Feedback, answer: str, user=None, published=None) -> Feedback:
    """Record the unit's answer; the public list then shows it (without personal data)."""
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Xin nhập nội dung trả lời.")})
    feedback.answer = answer
    feedback.status = FeedbackStatus.ANSWERED
    feedback.answered_at = feedback.answered_at or timezone.now()
    feedback.answered_by = user if user is not None else feedback.answered_by
    if published is not None:
        feedback.published = published
    feedback.save()
    return feedback
