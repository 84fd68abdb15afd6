"""JSON for integrations and dashboards (staff only).

GET /api/tracking/units/?plan=<number/symbol> → one object per unit:
{"unit", "total", "by_status", "overdue", "completed_late", "due_soon",
"completion_rate"}.
Anonymous → 401; signed in without the right → 403; neither body says anything
about the plan.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from cms.inputs import has_control_chars

from ..models import Plan
from ..permissions import can_view_tasks
from ..services import tracking

KEYS = (
    "unit",
    "total",
    "by_status",
    "overdue",
    "completed_late",
    "due_soon",
    "completion_rate",
)


def find_plan(value):
    value = (value or "").strip()
    if not value:
        return None
    plans = Plan.objects.select_related("document").order_by("-document__issued_date")
    found = plans.filter(document__number_symbol__iexact=value).first()
    if found is None and value.isdigit():
        found = plans.filter(pk=int(value)).first()
    return found


@require_GET
def tracking_units(request):
    user = request.user
    if not user.is_authenticated:
        response = JsonResponse({"detail": "Cần đăng nhập."}, status=401)
        response["WWW-Authenticate"] = 'Session realm="admin"'
        return response
    if not (user.is_staff and can_view_tasks(user)):
        return JsonResponse({"detail": "Không có quyền truy cập."}, status=403)
    value = request.GET.get("plan", "")
    if not value.strip():
        return JsonResponse(
            {"detail": "Thiếu tham số plan (số, ký hiệu kế hoạch, ví dụ 572/KH-STTTT)."},
            status=400,
        )
    if has_control_chars(value):
        return JsonResponse({"error": "plan: không được chứa ký tự điều khiển."}, status=400)
    plan = find_plan(value)
    if plan is None:
        return JsonResponse({"detail": f"Không tìm thấy kế hoạch “{value}”."}, status=404)
    rows = tracking.unit_rows(plan)
    return JsonResponse([{key: row[key] for key in KEYS} for row in rows], safe=False)
