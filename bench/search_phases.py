"""Where an embedded search's time goes, phase by phase (`python -m bench search`).

For each query, the best of `repeat` runs of each phase:
- floor: the raw FTS5 MATCH ordered by bm25, LIMIT 10 (what the ratio divides by);
- match: the MATCH alone (COUNT(*), no rank);
- match+rank: every match with the engine's full score (bm25 × the factors);
- query: the engine's SQL for the page (one statement: match, rank, grouping, facets);
- facets: reading the facet rows in Python;
- snippets: the page's hits with their highlighted passages (Python), apart;
- total: the whole `engine.search`, and total − snippets.
"""

import time

PHASES = ("floor", "match", "match+rank", "query", "facets", "snippets", "total", "no snippets")


def _best_sql(sql, params, repeat):
    """Seconds of the fastest of `repeat` runs of one statement (rows fetched)."""
    from django.db import connection

    best = None
    with connection.cursor() as cursor:
        for _ in range(repeat):
            t = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            elapsed = time.perf_counter() - t
            best = elapsed if best is None else min(best, elapsed)
    return best


def embedded_phases(engine, queries, repeat=3) -> dict:
    """{phase: [seconds per query]} (PHASES) of the embedded engine on SQLite."""
    from search.engines.base import SearchRequest
    from search.engines.embedded_page import matches_sql
    from search.engines.embedded_rank import SQLiteDialect
    from search.query import parse_query

    dialect = SQLiteDialect()
    floor = (
        "SELECT e.key FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
        " WHERE search_fts MATCH %s ORDER BY bm25(search_fts, 10.0, 4.0, 1.0, 0.0) LIMIT 10"
    )
    out = {name: [] for name in PHASES}
    for q, _target in queries:
        parsed = parse_query(q)
        ranked = dialect.ranked(parsed)
        expression = ranked.match_params
        where = f"{ranked.match_sql} AND e.public = %s"
        out["floor"].append(_best_sql(floor, expression, repeat))
        count = f"SELECT COUNT(*) FROM {ranked.source} WHERE {where}"
        out["match"].append(_best_sql(count, [*expression, True], repeat))
        scored = f"WITH m AS MATERIALIZED ({matches_sql(ranked, where)}) SELECT COUNT(*) FROM m"
        scored_params = [*ranked.score_params, *expression, True]
        out["match+rank"].append(_best_sql(scored, scored_params, repeat))
        request = SearchRequest(query=parsed, per_page=10)
        runs = []
        for _ in range(repeat):
            timings = {}
            t = time.perf_counter()
            engine.search(request, timings=timings)
            runs.append((time.perf_counter() - t, timings))
        total, timings = min(runs, key=lambda run: run[0])
        for name in ("query", "facets", "snippets"):
            out[name].append(timings.get(name, 0.0))
        out["total"].append(total)
        out["no snippets"].append(total - timings.get("snippets", 0.0))
    return out


def phase_lines(phases: dict, pct) -> list[str]:
    """The report's lines: p50/p95 of each phase, and p95 ratios to the floor."""
    floor95 = pct(phases["floor"], 95)
    lines = ["embedded engine by phase (best of runs per query; snippets apart):"]
    for name in PHASES:
        values = phases[name]
        p50, p95 = pct(values, 50) * 1000, pct(values, 95) * 1000
        lines.append(
            f"  {name:12s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"
            f"  ({pct(values, 95) / floor95:.2f}x floor p95)"
        )
    return lines
