"""Background jobs (django-tasks): e-mail a new feedback message to the unit concerned."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from regulations.organisation.models import Role, StaffProfile, Unit
from vietnamese.dates import vietnamese_date

from .models import Feedback


def recipients(feedback) -> list[str]:
    """The unit's mailbox and its heads' addresses; the department's office without a unit."""
    unit = feedback.unit or Unit.objects.filter(kind="van_phong").first()
    if unit is None:
        return []
    addresses = [unit.email] if unit.email else []
    heads = StaffProfile.objects.filter(unit=unit, role=Role.UNIT_HEAD).select_related("user")
    addresses += [p.user.email for p in heads if p.user.email]
    return sorted(set(addresses))


@task()
def notify_unit(feedback_id: int) -> int:
    """Send the message to the unit concerned; returns the number of recipients."""
    feedback = Feedback.objects.select_related("unit", "procedure").filter(pk=feedback_id).first()
    if feedback is None:
        return 0
    to = recipients(feedback)
    if not to:
        return 0
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    link = f"{base}/admin/snippets/feedback/feedback/edit/{feedback.pk}/"
    body = "\n".join(
        [
            _("Phản ánh, kiến nghị số %(ref)s gửi đến đơn vị %(unit)s.")
            % {"ref": feedback.reference, "unit": feedback.unit or _("(chưa xác định)")},
            _("Hạn trả lời: %(date)s.") % {"date": vietnamese_date(feedback.deadline)},
            "",
            _("Tiêu đề: %(s)s") % {"s": feedback.subject},
            _("Thủ tục: %(p)s") % {"p": feedback.procedure} if feedback.procedure else "",
            "",
            feedback.message,
            "",
            _("Người gửi: %(n)s – %(c)s")
            % {"n": feedback.name or _("không ghi tên"), "c": feedback.contact or "—"},
            "",
            _("Trả lời trong trang quản trị: %(link)s") % {"link": link},
        ]
    )
    send_mail(
        _("[Phản ánh %(ref)s] %(subject)s")
        % {"ref": feedback.reference, "subject": feedback.subject},
        body,
        None,
        to,
    )
    Feedback.objects.filter(pk=feedback.pk).update(notified_at=timezone.now())
    return len(to)
