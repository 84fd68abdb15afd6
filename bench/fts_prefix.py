"""What SQLite FTS5 `prefix=` indexes cost and buy, on the entries an import made.

Run by `python -m bench import --prefix` once the queued work has built the search
entries: each layout is a copy of `search_fts` (external content over
search_searchentry, the same columns and tokenizer) filled from the entries the way
the deliveries fill it (one transaction per 5,000 rows), then asked the same
"last word is a prefix" queries as the engine asks them
(search/engines/embedded_rank.py: every word AND the last one as `"…"*`).
"""

import random
import time

LAYOUTS = {"no prefix index": "", "prefix='2 3' (now)": "2 3", "prefix='2'": "2", "prefix='3'": "3"}
COLUMNS = "idx_number, idx_title, idx_body, idx_exact"
ALL = "{idx_number idx_title idx_body}"
CHUNK = 5000
CUTS = (2, 3, 4, None)  # the last word as typed so far: 2, 3, 4 letters, or whole


def _create(cursor, name, prefix):
    option = f", prefix='{prefix}'" if prefix else ""
    cursor.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({COLUMNS}, content='search_searchentry',"
        f" content_rowid='id', tokenize=\"unicode61 remove_diacritics 0\"{option})"
    )


def _fill(connection, name, ids) -> float:
    from django.db import transaction

    start = time.perf_counter()
    for n in range(0, len(ids), CHUNK):
        low, high = ids[n], ids[min(n + CHUNK, len(ids)) - 1]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {name}(rowid, {COLUMNS}) SELECT id, {COLUMNS}"
                " FROM search_searchentry WHERE id BETWEEN %s AND %s",
                [low, high],
            )
    return time.perf_counter() - start


def _size(cursor, name) -> int:
    cursor.execute(f"SELECT COALESCE(SUM(LENGTH(block)), 0) FROM {name}_data")
    return cursor.fetchone()[0]


def _queries(cursor, n=25, seed=2017):
    """n provision titles of 3–8 words, their last word cut as it is being typed."""
    cursor.execute("SELECT idx_title FROM search_searchentry WHERE kind = 'provision' ORDER BY id")
    titles = [row[0].split() for row in cursor.fetchall()]
    titles = [words[:6] for words in titles if len(words) >= 3]
    picked = random.Random(seed).sample(titles, min(n, len(titles)))
    queries = {}
    for cut in CUTS:
        queries[cut] = []
        for words in picked:
            last = words[-1] if cut is None else words[-1][:cut]
            if cut is not None and len(words[-1]) <= cut:
                continue  # the word is already whole: not a prefix being typed
            terms = [f'{ALL} : "{w}"' for w in words[:-1]] + [f'{ALL} : "{last}"*']
            queries[cut].append((" AND ".join(terms), f'{ALL} : "{last}"*'))
    return queries


def _latency(cursor, name, expressions) -> list[float]:
    times = []
    for expression in expressions:
        best = None
        for _ in range(3):
            start = time.perf_counter()
            cursor.execute(
                f"SELECT rowid FROM {name} WHERE {name} MATCH %s"
                f" ORDER BY bm25({name}, 10.0, 4.0, 1.0, 0.0) LIMIT 10",
                [expression],
            )
            cursor.fetchall()
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        times.append(best)
    return sorted(times)


def _p(values, q):
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] * 1000 if values else 0.0


def measure(lines):
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM search_searchentry ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
        queries = _queries(cursor)
    lines.append(f"FTS5 prefix indexes over {len(ids)} entries (fill in {CHUNK}-row transactions):")
    for n, (label, prefix) in enumerate(LAYOUTS.items()):
        name = f"bench_fts_{n}"
        with connection.cursor() as cursor:
            _create(cursor, name, prefix)
        fill = _fill(connection, name, ids)
        with connection.cursor() as cursor:
            size = _size(cursor, name)
            parts = []
            for cut, pairs in queries.items():
                whole = _latency(cursor, name, [q for q, _last in pairs])
                alone = _latency(cursor, name, [last for _q, last in pairs])
                what = "whole last word" if cut is None else f"last word cut to {cut}"
                parts.append(
                    f"{what} ({len(pairs)}): query p50 {_p(whole, 0.5):.2f} / p95 "
                    f"{_p(whole, 0.95):.2f} ms, the prefix alone p50 {_p(alone, 0.5):.2f} / p95 "
                    f"{_p(alone, 0.95):.2f} ms"
                )
            cursor.execute(f"DROP TABLE {name}")
        head = f"  {label}: fill {fill:.2f} s, index {size / 1e6:.1f} MB; "
        lines.append(head + "; ".join(parts))
