"""Thông báo qua thư điện tử, each notice once.

A notice has a unique key (kind, object, deadline, recipient); it is recorded in
Notification first and mailed only when the record is new, so running the sender
twice (cron and the background task) never mails anyone twice.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from regulations.organisation.models import Role

from ..choices import NotificationKind, TaskStatus
from ..models import Notification, PlanTask

TASK_ROLES = [Role.UNIT_HEAD, Role.UNIT_STAFF, Role.LEGAL_OFFICER]


def unit_people(unit_id):
    """The unit's head and staff (active users with an e-mail address)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            staff_profile__unit_id=unit_id,
            staff_profile__role__in=TASK_ROLES,
        )
        .exclude(email="")
        .order_by("pk")
    )


def legal_officers():
    return (
        get_user_model()
        .objects.filter(is_active=True, staff_profile__role=Role.LEGAL_OFFICER)
        .exclude(email="")
        .order_by("pk")
    )


def _absolute(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def notify(key, kind, user, subject, body, *, task=None, review=None):
    """Record and send one notice; return it, or None if it was already sent."""
    key = f"{key}:u{user.pk}"
    if Notification.objects.filter(key=key).exists():
        return None
    try:
        with transaction.atomic():
            notice = Notification.objects.create(
                key=key,
                kind=kind,
                recipient=user,
                email=user.email,
                subject=subject[:255],
                body=body,
                task=task,
                review=review,
            )
    except IntegrityError:  # sent by a concurrent run
        return None
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception as exc:  # noqa: BLE001 - recorded, shown in the admin listing
        notice.error = str(exc)[:2000]
        notice.save(update_fields=["error"])
        return notice
    notice.sent_at = timezone.now()
    notice.save(update_fields=["sent_at"])
    return notice


def _task_text(task, headline):
    url = _absolute(reverse("planning_admin:task_detail", args=[task.pk]))
    lines = [
        headline,
        "",
        f"Kế hoạch: {task.plan.number_symbol}",
        f"Nhiệm vụ: {task}",
        f"Đơn vị chủ trì: {task.lead_unit}",
        f"Thời hạn: {task.deadline_label()}",
        f"Trạng thái: {task.get_status_display()}",
        "",
        f"Xem chi tiết: {url}",
    ]
    return "\n".join(lines)


def notify_task_assigned(task):
    sent = []
    for user in unit_people(task.lead_unit_id):
        subject = f"[Kế hoạch {task.plan.number_symbol}] Được giao nhiệm vụ: {task.title}"
        body = _task_text(task, f"Đơn vị {task.lead_unit} được giao chủ trì nhiệm vụ sau.")
        notice = notify(
            f"assigned:t{task.pk}:unit{task.lead_unit_id}",
            NotificationKind.TASK_ASSIGNED,
            user,
            subject,
            body,
            task=task,
        )
        if notice:
            sent.append(notice)
    return sent


DEADLINE_NOTICES = [
    (7, NotificationKind.DUE_IN_7, "Còn 7 ngày đến hạn"),
    (1, NotificationKind.DUE_IN_1, "Còn 1 ngày đến hạn"),
]


def deadline_notices(today=None):
    """7 and 1 days before the deadline, and once when overdue. Returns notices sent."""
    today = today or timezone.localdate()
    sent = []
    open_tasks = PlanTask.objects.filter(deadline__isnull=False, completed_on__isnull=True).exclude(
        status=TaskStatus.DONE
    )
    open_tasks = open_tasks.select_related("plan__document", "lead_unit")
    for days, kind, label in DEADLINE_NOTICES:
        for task in open_tasks.filter(deadline=today + timedelta(days=days)):
            for user in unit_people(task.lead_unit_id):
                notice = notify(
                    f"{kind}:t{task.pk}:d{task.deadline.isoformat()}",
                    kind,
                    user,
                    f"[Kế hoạch {task.plan.number_symbol}] {label}: {task.title}",
                    _task_text(task, f"{label} ({task.deadline:%d/%m/%Y})."),
                    task=task,
                )
                if notice:
                    sent.append(notice)
    for task in open_tasks.filter(deadline__lt=today):
        for user in unit_people(task.lead_unit_id):
            notice = notify(
                f"{NotificationKind.OVERDUE}:t{task.pk}:d{task.deadline.isoformat()}",
                NotificationKind.OVERDUE,
                user,
                f"[Kế hoạch {task.plan.number_symbol}] Quá hạn: {task.title}",
                _task_text(task, f"Nhiệm vụ đã quá hạn từ ngày {task.deadline:%d/%m/%Y}."),
                task=task,
            )
            if notice:
                sent.append(notice)
    return sent


def _review_url(record):
    return _absolute(reverse("wagtailsnippets_planning_reviewrecord:edit", args=[record.pk]))


def notify_review_awaiting(record, task_state):
    """To legal officers when a review record reaches their step (or any step they own)."""
    sent = []
    task = task_state.task.specific
    groups = task.groups.all() if hasattr(task, "groups") else None
    group_ids = set(groups.values_list("pk", flat=True)) if groups is not None else set()
    for user in legal_officers():
        if group_ids and not user.groups.filter(pk__in=group_ids).exists():
            continue
        notice = notify(
            f"{NotificationKind.REVIEW_AWAITING}:r{record.pk}:ts{task_state.pk}",
            NotificationKind.REVIEW_AWAITING,
            user,
            f"Phiếu rà soát chờ duyệt: {record.title}",
            "\n".join(
                [
                    f"Phiếu rà soát “{record.title}” đang chờ bước “{task.name}”.",
                    f"Đối tượng: {record.target_label}",
                    f"Phương án đề xuất: {record.get_outcome_display()}",
                    f"Đơn vị: {record.responsible_unit}",
                    "",
                    f"Xem và duyệt: {_review_url(record)}",
                ]
            ),
            review=record,
        )
        if notice:
            sent.append(notice)
    return sent


def notify_review_rejected(record, task_state, comment):
    """The rejection comment goes back to the responsible unit."""
    sent = []
    for user in unit_people(record.responsible_unit_id):
        notice = notify(
            f"{NotificationKind.REVIEW_REJECTED}:r{record.pk}:ts{task_state.pk}",
            NotificationKind.REVIEW_REJECTED,
            user,
            f"Phiếu rà soát bị trả lại: {record.title}",
            "\n".join(
                [
                    f"Phiếu rà soát “{record.title}” bị trả lại ở bước “{task_state.task.name}”.",
                    f"Ý kiến: {comment or '(không có)'}",
                    "",
                    f"Chỉnh sửa: {_review_url(record)}",
                ]
            ),
            review=record,
        )
        if notice:
            sent.append(notice)
    return sent
