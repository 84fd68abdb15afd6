"""Index failures that must not pass silently: counted where every process can see them.

An app's owner function that raises (a bug, not a row being deleted) means some
indexed object was not refreshed: the index goes stale. indexing.py logs it at
WARNING and counts it here, in the shared cache (Redis or the database cache in
production), and `manage.py search_status` shows the count.
"""

from django.core.cache import cache

OWNER_FAILURES_KEY = "search:owner-failures"


def count_owner_failure() -> None:
    if not cache.add(OWNER_FAILURES_KEY, 1, timeout=None):
        try:
            cache.incr(OWNER_FAILURES_KEY)
        except ValueError:  # expired between add and incr
            cache.add(OWNER_FAILURES_KEY, 1, timeout=None)


def owner_failures() -> int:
    return cache.get(OWNER_FAILURES_KEY, 0)
