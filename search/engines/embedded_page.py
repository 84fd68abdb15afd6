"""The embedded engine's result pages in SQL: the matches, their groups, their facets.

A grouped page (trang kết quả theo nhóm: a document with its matching provisions
under it) is ONE statement: the matches are found and scored once (the `m` CTE: the
full-text MATCH with its rank, the costly part), and both the page's groups and the
facet counts are read from them, returned together (`part` 0: hit rows, 1: facet
rows). Finding the matches twice, once for the facets and once for the page, cost
as much again as the MATCH.
"""

from .base import GROUP_CHILDREN
from .embedded_rank import Ranked

COLUMNS = ["key", "kind", "title", "number", "url", "body", "date", "in_force", "parent"]
HIT_COLUMNS = ", ".join(f"e.{c}" for c in COLUMNS)
GROUP = "COALESCE(NULLIF(e.parent, ''), e.key)"
_NULL_HIT = ", ".join(["NULL"] * len(COLUMNS))


def matches_sql(ranked: Ranked, where_sql: str) -> str:
    """SELECT of every matching item with its score and group (params: score, then where)."""
    return (
        "SELECT e.id AS id, e.key AS key, e.parent AS parent, e.date AS date,"
        f" e.kind AS kind, e.facets AS facets, {ranked.score} AS score, {GROUP} AS grp"
        f" FROM {ranked.source} WHERE {where_sql}"
    )


def grouped_page(cursor, ranked: Ranked, where_sql, params, request, by_date):
    """(page rows, facet rows): page rows [(doc, members, groups)] of one page of
    groups, each group's head (its root item when it matched) then up to
    GROUP_CHILDREN more, groups by their best score; facet rows
    [(kind, facets, count)] over all the matches."""
    best = "MIN" if ranked.direction == "ASC" else "MAX"
    order, outer = (_group_order(ranked.direction, by_date, t) for t in ("", "r."))
    cursor.execute(
        f"WITH m AS MATERIALIZED ({matches_sql(ranked, where_sql)}),"
        f" g AS (SELECT grp, {best}(score) AS best, MAX(date) AS gdate,"
        " SUM(CASE WHEN parent <> '' THEN 1 ELSE 0 END) AS members, COUNT(*) OVER () AS groups"
        f" FROM m GROUP BY grp ORDER BY {order} LIMIT %s OFFSET %s),"
        " r AS (SELECT m.id, m.grp, g.best, g.gdate, g.members, g.groups, ROW_NUMBER() OVER ("
        " PARTITION BY m.grp ORDER BY CASE WHEN m.key = m.grp THEN 0 ELSE 1 END,"
        f" m.score {ranked.direction}, m.id) AS rn FROM m JOIN g ON g.grp = m.grp)"
        f" SELECT 0, ROW_NUMBER() OVER (ORDER BY {outer}, r.rn), {HIT_COLUMNS},"
        " r.members, r.groups, NULL, NULL, NULL"
        f" FROM r JOIN search_searchentry e ON e.id = r.id WHERE r.rn <= {1 + GROUP_CHILDREN}"
        f" UNION ALL SELECT 1, NULL, {_NULL_HIT}, NULL, NULL, kind, facets, COUNT(*)"
        " FROM m GROUP BY kind, facets",
        ranked.score_params + params + [request.per_page, request.offset],
    )
    page, facets = [], []
    for row in cursor.fetchall():
        if row[0] == 0:
            page.append(row[1:-3])
        else:
            facets.append(row[-3:])
    page.sort(key=lambda row: row[0])
    n = len(COLUMNS)
    return [(dict(zip(COLUMNS, r[1 : n + 1], strict=True)), r[n + 1], r[n + 2]) for r in page], (
        facets
    )


def _group_order(direction, by_date, table=""):
    order = f"{table}best {direction}, {table}grp"
    return f"{table}gdate DESC NULLS LAST, {order}" if by_date else order


def count_groups(cursor, ranked, where_sql, params):
    cursor.execute(f"SELECT COUNT(DISTINCT {GROUP}) FROM {ranked.source} WHERE {where_sql}", params)
    return cursor.fetchone()[0]


def facet_rows(cursor, source, where_sql, params):
    """[(kind, facets, count)] of the matching items."""
    cursor.execute(
        f"SELECT e.kind, e.facets, COUNT(*) FROM {source} WHERE {where_sql}"
        " GROUP BY e.kind, e.facets",
        params,
    )
    return cursor.fetchall()


def flat_page(cursor, ranked, where_sql, params, request, by_date):
    """The docs of one ungrouped page (one group's items), best first."""
    order = f"score {ranked.direction}, e.id"
    if by_date:
        order = f"e.date DESC NULLS LAST, {order}"
    cursor.execute(
        f"SELECT {HIT_COLUMNS}, {ranked.score} AS score FROM {ranked.source}"
        f" WHERE {where_sql} ORDER BY {order} LIMIT %s OFFSET %s",
        ranked.score_params + params + [request.per_page, request.offset],
    )
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in cursor.fetchall()]
