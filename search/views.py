"""Search pages and the JSON API (views stay thin: parse, call the service, render)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cms.inputs import InputError, check_params

from . import service
from .engines.base import SearchUnavailable, filter_names
from .query import MAX_QUERY_LENGTH, QueryError
from .registry import registry

UNAVAILABLE = _("Chức năng tìm kiếm tạm thời gián đoạn, xin vui lòng thử lại sau ít phút.")

#: The label of the "kind" pseudo-facet (the engine's own); the apps name the others.
KIND_LABEL = _("Loại kết quả")


def facet_label(name):
    """What the page calls a facet: "kind" is the search module's, the others are
    declared by the apps (registry.facets)."""
    return KIND_LABEL if name == "kind" else registry.facets.get(name, name)


def _label(facet, value):
    """A kind's name as its app registered it; other facet values are shown as stored."""
    return registry.labels.get(value, value) if facet == "kind" else value


def _is_staff(user):
    return bool(user.is_authenticated and user.is_staff)


def _page_context(request, include_private):
    context = {"query": request.GET.get("q", ""), "max_length": MAX_QUERY_LENGTH}
    if not any(request.GET.get(k) for k in ("q", *filter_names())):
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
                "label": _label(name, v["value"]),
                "count": v["count"],
                "selected": v["value"] in selected.get(name, []),
            }
            for v in values
        ]
        facets.append({"name": name, "label": facet_label(name), "options": options})
    params = request.GET.copy()
    params.pop("page", None)
    context.update(
        {
            "results": results,
            "hits": [_row(h, params) for h in results.hits],
            "facets": facets,
            "active_filters": sum(o["selected"] for f in facets for o in f["options"]),
            "sort": search_request.sort,
            "parents": selected.get("parent", []),
            "base_query": params.urlencode(),
            "start_index": search_request.offset + 1,
        }
    )
    return context, 200


def _row(hit, params):
    """A result for the template: the head hit, its children, the link to all members."""
    row = {"hit": hit, "kind_label": registry.labels.get(hit.kind, hit.kind)}
    row["children"] = [
        {"hit": c, "kind_label": registry.labels.get(c.kind, c.kind)} for c in hit.children
    ]
    shown = len(hit.children) + (1 if hit.parent else 0)
    if hit.members > shown:
        more = params.copy()
        more.setlist("parent", [hit.group])
        row["more_url"] = "?" + more.urlencode()
    return row


def _hit_json(hit):
    return {
        "kind": hit.kind,
        "title": hit.title,
        "number": hit.number,
        "url": hit.url,
        "snippet": hit.snippet,
        "date": hit.date.isoformat() if hit.date else None,
        "parent": hit.parent,
    }


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
            "total": results.total,
            "results": [
                {
                    **_hit_json(h),
                    "group": h.group,
                    "members": h.members,
                    "children": [_hit_json(c) for c in h.children],
                }
                for h in results.hits
            ],
            "facets": results.facets,
        },
        json_dumps_params={"ensure_ascii": False},
    )
