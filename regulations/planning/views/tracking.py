"""Leadership views: the unit × status table for a plan and period (sortable,
filterable, exportable), drill-down to tasks, review outcomes and savings."""

from django.db.models import Prefetch
from django.shortcuts import render

from ..choices import Outcome, TaskStatus
from ..forms import TaskListFilterForm, TrackingFilterForm
from ..models import SimplificationProposal
from ..permissions import can_view_tasks, can_view_tracking
from ..services import review_figures, tracking
from .common import plan_filter_form, require, today
from .exports import (
    FORMATS,
    OUTCOME_COLUMNS,
    SAVINGS_COLUMNS,
    TASK_COLUMNS,
    UNIT_COLUMNS,
    RowsExport,
)

SORT_KEYS = {
    "unit",
    "total",
    "overdue",
    "completed_late",
    "due_soon",
    "completion_rate",
    *TaskStatus.values,
}


def _sort(rows, key):
    desc = key.startswith("-")
    name = key.lstrip("-")
    if name not in SORT_KEYS:
        return rows, ""
    if name in TaskStatus.values:
        getter = lambda r: r["by_status"][name]  # noqa: E731
    elif name == "unit":
        getter = lambda r: (r["unit"] or "").lower()  # noqa: E731
    else:
        getter = lambda r: r[name]  # noqa: E731
    return sorted(rows, key=getter, reverse=desc), key


def tracking_context(request):
    form, plan = plan_filter_form(request, TrackingFilterForm)
    start = end = None
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["period_start"], form.cleaned_data["period_end"]
    day = today()
    rows = tracking.unit_rows(plan, start, end, today=day) if plan else []
    rows, sort = _sort(rows, request.GET.get("sort", ""))
    keep = request.GET.copy()
    for key in ("sort", "export", "table"):
        keep.pop(key, None)
    if plan and not keep.get("plan"):
        keep["plan"] = plan.pk
    return {
        "filter_query": keep.urlencode(),
        "form": form,
        "plan": plan,
        "period_start": start,
        "period_end": end,
        "rows": rows,
        "total": tracking.totals(rows),
        "sort": sort,
        "statuses": TaskStatus.choices,
        "outcomes": Outcome.choices,
        "review_rows": review_figures.review_rows(plan) if plan else [],
        "savings": review_figures.savings(plan) if plan else None,
        "completions": tracking.completion_rows(plan) if plan else [],
        "today": day,
    }


def tracking_view(request):
    """Bảng theo dõi toàn Sở (leadership, legal officer)."""
    require(can_view_tracking(request.user))
    context = tracking_context(request)
    fmt = request.GET.get("export")
    table = request.GET.get("table", "units")
    if fmt in FORMATS:
        plan = context["plan"]
        name = plan.number_symbol if plan else ""
        if table == "outcomes":
            export = RowsExport(OUTCOME_COLUMNS, f"ket-qua-ra-soat-{name}")
            return export.response(context["review_rows"], fmt)
        if table == "savings":
            proposals = SimplificationProposal.objects.select_related("record__procedure")
            if plan:
                proposals = proposals.filter(record__plan=plan)
            export = RowsExport(SAVINGS_COLUMNS, f"don-gian-hoa-{name}")
            return export.response(list(proposals), fmt)
        export = RowsExport(UNIT_COLUMNS, f"theo-doi-don-vi-{name}")
        return export.response(context["rows"] + [context["total"]], fmt)
    return render(request, "planning/admin/tracking.html", context)


def filtered_tasks(form, plan, day):
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    tasks = tracking.tasks_in(
        plan.pk if plan else None, data.get("period_start"), data.get("period_end")
    )
    tasks = tasks.select_related("lead_unit", "plan__document").prefetch_related(
        Prefetch("coordinating_units"), "progress_reports"
    )
    if data.get("unit"):
        tasks = tasks.filter(lead_unit=data["unit"])
    if data.get("status"):
        tasks = tasks.filter(status=data["status"])
    if data.get("overdue"):
        tasks = tasks.filter(tracking.overdue_q(day))
    if data.get("completed_late"):
        tasks = tasks.filter(tracking.completed_late_q())
    if data.get("due_soon"):
        tasks = tasks.filter(tracking.due_soon_q(day))
    tasks = list(tasks.order_by("lead_unit__sort_order", "number", "pk"))
    for task in tasks:
        task.overdue_flag = task.is_overdue(day)
        task.lateness_flag = task.lateness(day)
        task.coordinating_label = ", ".join(u.name for u in task.coordinating_units.all())
    return tasks


def task_list(request):
    """Drill-down: the tasks behind a cell of the unit × status table (overdue highlighted).
    Staff see all tasks of a plan."""
    require(can_view_tasks(request.user))
    form, plan = plan_filter_form(request, TaskListFilterForm)
    day = today()
    tasks = filtered_tasks(form, plan, day)
    fmt = request.GET.get("export")
    if fmt in FORMATS:
        export = RowsExport(TASK_COLUMNS, f"nhiem-vu-{plan.number_symbol if plan else ''}")
        return export.response(tasks, fmt)
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "planning/admin/task_list.html",
        {"form": form, "plan": plan, "tasks": tasks, "today": day, "query": query.urlencode()},
    )
