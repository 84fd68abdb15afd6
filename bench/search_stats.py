"""The search benchmark's measures (`python -m bench search`): percentiles, the
"p50 … ms  p95 … ms" figure, the best-of-runs timing of a list of queries, and
recall@10 (is a query's target article among its first hits?)."""

import time


def pct(values, p):
    """The p-th percentile of `values` (nearest rank; NaN when there are none)."""
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def ms(values):
    """p50 and p95 of seconds, in milliseconds, as every line of the report shows them."""
    return f"p50 {pct(values, 50) * 1000:7.1f} ms  p95 {pct(values, 95) * 1000:7.1f} ms"


def time_queries(fn, queries, repeat=3):
    """([best seconds per query], {query: the keys fn returned}) for (query, target) pairs."""
    times, tops = [], {}
    for q, _target in queries:
        best = None
        for _ in range(repeat):
            t = time.perf_counter()
            keys = fn(q)
            elapsed = time.perf_counter() - t
            best = elapsed if best is None else min(best, elapsed)
        times.append(best)
        tops[q] = keys
    return times, tops


def recall(tops, queries):
    """(found, asked): the queries whose target key prefix begins one of their top keys."""
    found = sum(1 for q, target in queries if any(k.startswith(target) for k in tops.get(q, [])))
    return found, len(queries)
