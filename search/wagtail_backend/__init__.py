"""Wagtail's search backend, folded: the admin listings, the choosers and the public
library box find "quy che" → "Quy chế làm việc", as /tim-kiem/ does.

WAGTAILSEARCH_BACKENDS points here ("search.wagtail_backend"). It is Wagtail's own
database backend (modelsearch) for the database in use, with every indexed value and
every query string passed through vietnamese.folding.fold (case, diacritics, đ → d). After
switching to it, rebuild Wagtail's index once: `python manage.py update_index`.

There is no unfolded fallback: a database other than SQLite (with FTS5) or PostgreSQL
is refused at start-up instead of answering folded queries with nothing.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The folding backend for the default database (as modelsearch's own factory)."""
    # Each vendor's backend is imported only for the database in use, as modelsearch's
    # own factory does: the PostgreSQL one needs psycopg (django.contrib.postgres).
    if connection.vendor == "postgresql":
        from .postgres import FoldingPostgresBackend

        return FoldingPostgresBackend(params)
    if connection.vendor == "sqlite":
        if fts5_available() and fts_table_exists():
            from .sqlite import FoldingSQLiteBackend  # (same reason: per vendor)

            return FoldingSQLiteBackend(params)
        raise ImproperlyConfigured(
            "search.wagtail_backend needs SQLite's FTS5 and the modelsearch FTS table "
            "(run migrate)."
        )
    raise ImproperlyConfigured(
        f"search.wagtail_backend supports SQLite and PostgreSQL, not {connection.vendor}."
    )
