"""Search pages and the JSON API (views stay thin: parse, call the service, render)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cms.inputs import InputError, check_params

from . import service
from .engines.base import SearchUnavailable
from .query import MAX_QUERY_LENGTH, QueryError

UNAVAILABLE = _("Chức năng tìm kiếm tạm thời gián đoạn, xin vui lòng thử lại sau ít phút.")

KIND_LABELS = {
    "document": _("Văn bản"),
    "provision": _("Quy định (điều, khoản)"),
    "procedure": _("Thủ tục hành chính"),
    "task": _("Nhiệm vụ"),
    "review": _("Rà soát"),
    "dossier": _("Hồ sơ"),
    "survey_answer": _("Phiếu khảo sát"),
    "feedback": _("Phản ánh, kiến nghị"),
    "notification": _("Thông báo"),
}
FACET_LABELS = {
    "kind": _("Loại kết quả"),
    "type": _("Loại văn bản"),
    "issuer": _("Cơ quan ban hành"),
    "year": _("Năm"),
    "status": _("Tình trạng"),
    "field": _("Lĩnh vực"),
    "unit": _("Đơn vị"),
}


def _is_staff(user):
    return bool(user.is_authenticated and user.is_staff)


def _page_context(request, include_private):
    context = {"query": request.GET.get("q", ""), "max_length": MAX_QUERY_LENGTH}
    if not any(request.GET.get(k) for k in ("q", *service.FILTERS)):
        return context, 200
    try:
        check_params(request.GET)
        search_request = service.build_request(
            request.GET, include_private=include_private, user=request.user
        )
    except (QueryError, InputError) as exc:
        context["error"] = str(exc)
        return context, 400
    try:
        results = service.run(search_request)
    except SearchUnavailable:
        context["error"] = str(UNAVAILABLE)
        return context, 503
    selected = search_request.filters
    facets = []
    for name, values in results.facets.items():
        if not values:
            continue
        options = [
            {
                "value": v["value"],
                "label": KIND_LABELS.get(v["value"], v["value"]) if name == "kind" else v["value"],
                "count": v["count"],
                "selected": v["value"] in selected.get(name, []),
            }
            for v in values
        ]
        facets.append({"name": name, "label": FACET_LABELS.get(name, name), "options": options})
    params = request.GET.copy()
    params.pop("page", None)
    context.update(
        {
            "results": results,
            "hits": [
                {"hit": h, "kind_label": KIND_LABELS.get(h.kind, h.kind)} for h in results.hits
            ],
            "facets": facets,
            "sort": search_request.sort,
            "base_query": params.urlencode(),
            "start_index": search_request.offset + 1,
        }
    )
    return context, 200


def search_page(request):
    """Tìm kiếm công khai: public items only, works without JavaScript."""
    context, status = _page_context(request, include_private=False)
    return render(request, "search/search.html", context, status=status)


@staff_member_required
def admin_search(request):
    """Tìm kiếm văn bản in the admin: staff-only items too, within the user's scope."""
    context, status = _page_context(request, include_private=True)
    return render(request, "search/admin_search.html", context, status=status)


def api_search(request):
    """GET /api/search/?q=&kind=&type=&issuer=&year=&status=&page= → JSON."""
    try:
        check_params(request.GET)
        search_request = service.build_request(
            request.GET, include_private=_is_staff(request.user), user=request.user
        )
    except (QueryError, InputError) as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    try:
        results = service.run(search_request)
    except SearchUnavailable:
        return JsonResponse({"error": str(UNAVAILABLE)}, status=503)
    return JsonResponse(
        {
            "count": results.count,
            "page": results.page,
            "num_pages": results.num_pages,
            "results": [
                {
                    "kind": h.kind,
                    "title": h.title,
                    "number": h.number,
                    "url": h.url,
                    "snippet": h.snippet,
                    "date": h.date.isoformat() if h.date else None,
                }
                for h in results.hits
            ],
            "facets": results.facets,
        },
        json_dumps_params={"ensure_ascii": False},
    )
