"""The dashboard panel's numbers for the signed-in user's unit."""

from django.utils import timezone

from ..models import PlanTask
from ..permissions import profile_of


def unit_summary(user):
    profile = profile_of(user)
    if profile is None:
        return {"unit": None}
    today = timezone.localdate()
    tasks = list(PlanTask.objects.filter(lead_unit_id=profile.unit_id))
    done = sum(1 for t in tasks if t.status == "hoan_thanh")
    return {
        "unit": profile.unit,
        "total": len(tasks),
        "done": done,
        "overdue": [t for t in tasks if t.is_overdue(today)][:5],
        "overdue_count": sum(1 for t in tasks if t.is_overdue(today)),
        "completed_late_count": sum(1 for t in tasks if t.is_completed_late()),
        "due_soon_count": sum(1 for t in tasks if t.is_due_soon(today)),
        "rate": round(done / len(tasks) * 100, 1) if tasks else 0,
    }
