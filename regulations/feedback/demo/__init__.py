"""Demo feedback: two messages from 2017, one answered by the unit, one still open
(messages.json)."""

from django.utils import timezone

from regulations.demofiles import moment, read_json
from regulations.organisation.models import Unit

from ..models import Feedback, FeedbackStatus
from ..services.deadline import answer_deadline


def load(out):
    for item in read_json(__name__, "messages.json"):
        submitted = timezone.make_aware(moment(item["submitted_at"]))
        answered = timezone.make_aware(moment(item["answered_at"])) if item["answered_at"] else None
        Feedback.objects.update_or_create(
            reference=item["reference"],
            defaults={
                "submitted_at": submitted,
                "unit": Unit.objects.filter(code=item["unit"]).first(),
                "name": item["name"],
                "contact": item["contact"],
                "subject": item["subject"],
                "message": item["message"],
                "deadline": answer_deadline(submitted),
                "status": FeedbackStatus.ANSWERED if answered else FeedbackStatus.IN_PROGRESS,
                "answer": item["answer"],
                "answered_at": answered,
                # The answered demo message counts as reviewed by staff, so the public
                # list and the a11y detail page have one item.
                "published": answered is not None,
                "notified_at": submitted,
            },
        )
    return f"{Feedback.objects.count()} phản ánh ({Feedback.objects.answered().count()} đã trả lời)"
