"""Which documents a request may see, and the embedded engine's filter for it
(the Elasticsearch one is elastic_query.visibility_query, over the same scopes).

Public documents always; staff-only ones only with `include_private`, and then, when
`request.scopes` is set ({kind: search.scope.Scope}, from search.service), only those
of a listed kind whose scope allows them: everything, or a `scope_key` among the
scope's keys. A staff-only kind missing from `scopes` shows nothing.
"""

from .base import SearchRequest


def allowed_scopes(request: SearchRequest):
    """[(kind, None = every item | sorted keys)] the scopes let through."""
    allowed = []
    for kind, scope in sorted((request.scopes or {}).items()):
        if scope.everything:
            allowed.append((kind, None))
        elif scope.keys:
            allowed.append((kind, sorted(scope.keys)))
    return allowed


def visibility_sql(request: SearchRequest):
    """The embedded engine's (WHERE sql or "", params) over `search_searchentry e`."""
    if not request.include_private:
        return "e.public = %s", [True]
    if request.scopes is None:
        return "", []
    clauses, params = ["e.public = %s"], [True]
    for kind, keys in allowed_scopes(request):
        if keys is None:
            clauses.append("e.kind = %s")
            params.append(kind)
        else:
            clauses.append(f"(e.kind = %s AND e.scope_key IN ({', '.join(['%s'] * len(keys))}))")
            params += [kind, *keys]
    return "(" + " OR ".join(clauses) + ")", params
