"""What the rest of the project calls: search, aggregate, rebuild, status.

Views and other apps use these functions only; none of them asks which engine
is configured.

Staff-only items are filtered here, for every engine, by the signed-in user: each
domain app registers per kind a scope function (search/scope.py) and a request for
a user carries the scopes of that user. Anonymous visitors and non-staff users get
public items only.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from .engines import get_engine
from .engines.base import SORTS, SearchRequest, SearchResults, filter_names
from .failures import owner_failures
from .indexing import all_docs, index_object, remove_object  # noqa: F401 (re-exported)
from .models import SearchOutbox
from .query import QueryError, parse_query
from .registry import registry

MAX_PAGE = 500
MAX_FILTER_LENGTH = 200
PER_PAGE = 20


def visibility(user, include_private: bool) -> tuple[bool, dict | None]:
    """(include_private, scopes) for a request made by `user`.

    Staff-only items need include_private and an active staff user, and are then
    limited to that user's scopes. user=None is a trusted caller in Python (a
    command, a report): include_private is taken as given, without scopes.
    """
    if not include_private:
        return False, None
    if user is None:
        return True, None
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False, None
    return True, registry.scopes_for(user)


def build_request(params, include_private=False, per_page=PER_PAGE, user=None) -> SearchRequest:
    """A SearchRequest from GET parameters; QueryError names the bad parameter.

    Views pass the signed-in `user`: staff-only items are then limited to its scopes."""
    parsed = parse_query(params.get("q"))
    filters = {}
    for name in filter_names():
        values = [v.strip() for v in _getlist(params, name) if v and v.strip()]
        for value in values:
            if len(value) > MAX_FILTER_LENGTH:
                raise QueryError(_("Giá trị lọc “%(name)s” quá dài.") % {"name": name})
        if values:
            filters[name] = values
    page_text = (params.get("page") or "1").strip()
    if not page_text.isdigit() or not 1 <= int(page_text) <= MAX_PAGE:
        raise QueryError(
            _("Số trang (page) phải là số nguyên từ 1 đến %(max)s.") % {"max": MAX_PAGE}
        )
    sort = (params.get("sort") or "relevance").strip()
    if sort not in SORTS:
        raise QueryError(_("Cách sắp xếp (sort) phải là “relevance” hoặc “date”."))
    return SearchRequest(
        query=parsed,
        filters=filters,
        page=int(page_text),
        per_page=per_page,
        sort=sort,
        **_visible(user, include_private),
    )


def _visible(user, include_private) -> dict:
    include_private, scopes = visibility(user, include_private)
    return {"include_private": include_private, "scopes": scopes}


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name)
    if value is None:
        return []
    return value if isinstance(value, list | tuple) else [value]


def search(
    q="",
    include_private=False,
    page=1,
    per_page=PER_PAGE,
    sort="relevance",
    user=None,
    **filters,
):
    """Search from Python: search("ky cuong", kind=["provision"]); with `user`, what
    that user may see (search("", include_private=True, user=u, kind=["…"]))."""
    request = SearchRequest(
        query=parse_query(q),
        filters={k: (v if isinstance(v, list | tuple) else [v]) for k, v in filters.items() if v},
        page=page,
        per_page=per_page,
        sort=sort,
        **_visible(user, include_private),
    )
    return run(request)


def run(request: SearchRequest) -> SearchResults:
    return get_engine().search(request)


def aggregate(declaration_or_name, **params) -> list[dict]:
    """The rows of a declared aggregation (search/aggregations.py) on the configured
    engine: aggregate(DECLARATION, some_id=3, today=day), or by its registered name.
    An unknown parameter is a TypeError, as for a function."""
    declaration = registry.aggregation(declaration_or_name)
    bound = declaration.bind(params)
    return get_engine().aggregate(bound, registry.kind_fields(declaration.kind))


def rebuild(progress=None) -> dict:
    docs, total = all_docs()
    engine = get_engine()
    summary = engine.rebuild(docs, total=total, progress=progress)
    summary["total_expected"] = total
    return summary


def status() -> dict:
    engine = get_engine()
    backlog = SearchOutbox.objects.order_by("id")
    oldest = backlog.first()
    last_error = backlog.exclude(last_error="").order_by("-id").first()
    info = {
        "engine": getattr(engine, "label", engine.name),
        "backlog": backlog.count(),
        "oldest": oldest.created_at if oldest else None,
        "oldest_age_seconds": (
            int((timezone.now() - oldest.created_at).total_seconds()) if oldest else 0
        ),
        "next_attempt_at": oldest.next_attempt_at if oldest else None,
        "attempts": oldest.attempts if oldest else 0,
        "last_error": last_error.last_error if last_error else "",
        "owner_failures": owner_failures(),
    }
    try:
        info["index"] = engine.status()
    except Exception as exc:
        info["index"] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
    return info
