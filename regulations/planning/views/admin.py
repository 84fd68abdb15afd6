"""Admin views: each unit's landing page, the task page (progress, comments, evidence)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from regulations.organisation.models import Unit

from ..choices import TaskStatus
from ..forms import CommentForm, ProgressReportForm
from ..models import EvidenceFile, Plan, PlanTask, ProgressReport, TaskComment
from ..permissions import (
    can_comment,
    can_edit_task,
    can_report_progress,
    can_view_tasks,
    can_view_tracking,
    is_superuser,
)
from ..services import tracking
from ..services.tasks import add_comment, report_progress
from .common import require, today, user_unit


def _unit_for(request):
    unit = user_unit(request.user)
    chosen = request.GET.get("unit")
    if chosen and chosen.isdigit() and (can_view_tracking(request.user) or unit is None):
        unit = get_object_or_404(Unit, pk=chosen)
    return unit


def my_unit(request):
    """Việc của đơn vị tôi: tasks by status, overdue, due within 7 days, completion rate
    per plan and recent activity, for the signed-in user's unit."""
    require(can_view_tasks(request.user))
    unit = _unit_for(request)
    day = today()
    context = {"unit": unit, "units": Unit.objects.all(), "today": day, "plans": []}
    if unit is not None:
        tasks = PlanTask.objects.filter(lead_unit=unit).select_related("plan__document")
        for plan in (
            Plan.objects.filter(tasks__lead_unit=unit).distinct().select_related("document")
        ):
            rows = tracking.unit_rows(plan, today=day, unit_id=unit.pk)
            plan_tasks = [t for t in tasks if t.plan_id == plan.pk]
            by_status = [
                (status, label, [t for t in plan_tasks if t.status == status])
                for status, label in TaskStatus.choices
            ]
            context["plans"].append(
                {
                    "plan": plan,
                    "row": rows[0] if rows else None,
                    "by_status": by_status,
                    "overdue": [t for t in plan_tasks if t.is_overdue(day)],
                    "due_soon": [t for t in plan_tasks if t.is_due_soon(day)],
                }
            )
        task_ids = list(tasks.values_list("pk", flat=True))
        context["reports"] = (
            ProgressReport.objects.filter(task_id__in=task_ids)
            .select_related("task", "reported_by")
            .order_by("-created_at")[:10]
        )
        context["comments"] = (
            TaskComment.objects.filter(task_id__in=task_ids)
            .select_related("task", "author")
            .order_by("-created_at")[:10]
        )
        context["changes"] = (
            ModelLogEntry.objects.filter(
                content_type__app_label="planning",
                content_type__model="plantask",
                object_id__in=[str(pk) for pk in task_ids],
            )
            .select_related("user")
            .order_by("-timestamp")[:10]
        )
    context["can_view_tracking"] = can_view_tracking(request.user)
    return render(request, "planning/admin/my_unit.html", context)


def task_detail(request, pk):
    """One task: details, targets, progress reports with evidence, comments; the forms
    to report progress (lead unit only) and to comment."""
    require(can_view_tasks(request.user))
    task = get_object_or_404(
        PlanTask.objects.select_related("plan__document", "lead_unit", "parent"), pk=pk
    )
    user = request.user
    report_form = ProgressReportForm(initial={"reported_on": today()})
    comment_form = CommentForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "report":
            require(can_report_progress(user, task))
            report_form = ProgressReportForm(request.POST, request.FILES)
            if report_form.is_valid():
                data = report_form.cleaned_data
                try:
                    report_progress(
                        task,
                        user,
                        percent=data["percent"],
                        content=data["content"],
                        reported_on=data["reported_on"],
                        decrease_reason=data["decrease_reason"],
                        files=data["evidence"],
                    )
                except ValidationError as exc:
                    for field, errors in exc.message_dict.items():
                        target = field if field in report_form.fields else None
                        if field == "__all__":
                            target = None
                        for error in errors:
                            report_form.add_error(target, error)
                else:
                    messages.success(request, _("Đã ghi nhận báo cáo tiến độ."))
                    return redirect("planning_admin:task_detail", pk=task.pk)
            messages.error(request, _("Báo cáo tiến độ chưa được lưu: xem lỗi bên dưới."))
        elif action == "comment":
            require(can_comment(user, task))
            comment_form = CommentForm(request.POST)
            if comment_form.is_valid():
                add_comment(task, user, comment_form.cleaned_data["text"])
                messages.success(request, _("Đã ghi nhận góp ý."))
                return redirect("planning_admin:task_detail", pk=task.pk)
        else:
            require(False)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "planning/admin/task_detail.html",
        {
            "task": task,
            "today": today(),
            "reports": task.progress_reports.select_related("reported_by").prefetch_related(
                "evidence_files"
            ),
            "comments": task.comments.select_related("author"),
            "targets": task.targets.select_related("document", "procedure"),
            "subtasks": task.subtasks.select_related("lead_unit"),
            "coordinating": task.coordinating_units.all(),
            "report_form": report_form,
            "comment_form": comment_form,
            "can_report": can_report_progress(user, task),
            "can_comment": can_comment(user, task),
            "can_edit": can_edit_task(user, task),
            "edit_url": reverse("wagtailsnippets_planning_plantask:edit", args=[task.pk]),
            "history_url": reverse("wagtailsnippets_planning_plantask:history", args=[task.pk]),
        },
        status=status,
    )


def evidence_download(request, pk):
    """Evidence files are staff-only: served through this check, never from MEDIA_URL."""
    require(can_view_tasks(request.user) or is_superuser(request.user))
    evidence = get_object_or_404(EvidenceFile, pk=pk)
    response = FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
