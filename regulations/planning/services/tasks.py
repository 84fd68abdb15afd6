"""Creating and changing tasks (nhiệm vụ) so that every change is a revision, and
reporting progress (báo cáo tiến độ) with evidence files, all or nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import TaskStatus
from ..models import EvidenceFile, PlanTask, ProgressReport, TaskComment
from ..permissions import can_comment, can_report_progress
from .evidence import EXTENSIONS, validate_evidence


def save_task(task: PlanTask, user=None, *, clean=True, log_action=True):
    """Validate, save and record a revision (history, compare view, audit log)."""
    if clean:
        task.full_clean()
    with transaction.atomic():
        task.save()
        task.save_revision(user=user, log_action=log_action)
    return task


def check_lead_units(lead_units, coordinating_units=()):
    """The "one focal point" rule: exactly one lead unit, not also a coordinator."""
    lead_units = [unit for unit in lead_units if unit is not None]
    if len(lead_units) != 1:
        raise ValidationError(
            {
                "lead_unit": _("Mỗi nhiệm vụ phải có đúng một đơn vị chủ trì (đang có %(n)s).")
                % {"n": len(lead_units)}
            }
        )
    lead = lead_units[0]
    if any(unit.pk == lead.pk for unit in coordinating_units):
        raise ValidationError(
            {
                "coordinating_units": _(
                    "Đơn vị chủ trì “%(unit)s” không thể đồng thời là đơn vị phối hợp."
                )
                % {"unit": lead}
            }
        )
    return lead


def create_task(plan, *, lead_units, coordinating_units=(), user=None, **fields):
    """Create a task from a list of lead units (as an import gives them): exactly one."""
    lead = check_lead_units(lead_units, coordinating_units)
    task = PlanTask(plan=plan, lead_unit=lead, **fields)
    task.coordinating_units = list(coordinating_units)
    return save_task(task, user)


def next_status(task, percent):
    if task.status == TaskStatus.DONE:
        return task.status
    if percent >= 100:
        return TaskStatus.AWAITING_APPROVAL
    if percent > 0 and task.status == TaskStatus.NOT_STARTED:
        return TaskStatus.IN_PROGRESS
    return task.status


def report_progress(
    task, user, *, percent, content, reported_on=None, decrease_reason="", files=()
):
    """Record a progress report of the lead unit; nothing is saved if anything is wrong."""
    if not can_report_progress(user, task):
        raise PermissionDenied(_("Chỉ đơn vị chủ trì được báo cáo tiến độ nhiệm vụ này."))
    report = ProgressReport(
        task=task,
        percent=percent,
        content=content,
        decrease_reason=decrease_reason or "",
        reported_by=user if getattr(user, "pk", None) else None,
    )
    if reported_on:
        report.reported_on = reported_on
    errors = {}
    try:
        report.full_clean()
    except ValidationError as exc:
        errors.update(exc.message_dict)
    checked = []
    file_errors = []
    for uploaded in files:
        try:
            checked.append((uploaded, validate_evidence(uploaded)))
        except ValidationError as exc:
            file_errors.extend(exc.messages)
    if file_errors:
        errors["evidence"] = file_errors
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report.save()
        for uploaded, kind in checked:
            uploaded.seek(0)
            data = uploaded.read()
            evidence = EvidenceFile(
                report=report,
                original_name=(getattr(uploaded, "name", "") or "minh-chung")[:255],
                detected_type=kind,
                size=len(data),
            )
            evidence.file.save(f"minh-chung.{EXTENSIONS[kind]}", ContentFile(data), save=False)
            evidence.save()
        status = next_status(task, report.percent)
        if status != task.status:
            task.status = status
            save_task(task, user, clean=False)
    return report


def add_comment(task, user, text):
    if not can_comment(user, task):
        raise PermissionDenied(_("Bạn không có quyền góp ý nhiệm vụ này."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Nội dung góp ý không được để trống.")})
    return TaskComment.objects.create(task=task, author=user, text=text)
