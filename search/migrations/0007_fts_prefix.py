"""SQLite: the FTS5 table without its prefix indexes (prefix='2 3').

Measured on the 217-law corpus (bench/README.md "## Word import"): they made the FTS5
fill 2.4× slower and the index 2.5× larger, and no last-word prefix query faster
(ranking every match costs more than finding the terms). Prefix queries (`"…"*`) still
work: FTS5 reads the range of terms from the main index. The table is recreated with
the same triggers and rebuilt from search_searchentry (its external content).
PostgreSQL has nothing to change.
"""

from django.db import migrations

TABLE = """CREATE VIRTUAL TABLE search_fts USING fts5(
    idx_number, idx_title, idx_body, idx_exact,
    content='search_searchentry', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0"{prefix})"""
TRIGGERS = [
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, idx_number, idx_title, idx_body, idx_exact)
        VALUES (new.id, new.idx_number, new.idx_title, new.idx_body, new.idx_exact);
    END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, idx_number, idx_title, idx_body, idx_exact)
        VALUES ('delete', old.id, old.idx_number, old.idx_title, old.idx_body, old.idx_exact);
    END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, idx_number, idx_title, idx_body, idx_exact)
        VALUES ('delete', old.id, old.idx_number, old.idx_title, old.idx_body, old.idx_exact);
        INSERT INTO search_fts(rowid, idx_number, idx_title, idx_body, idx_exact)
        VALUES (new.id, new.idx_number, new.idx_title, new.idx_body, new.idx_exact);
    END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
REBUILD = "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"


def _recreate(prefix: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in [*DROP, TABLE.format(prefix=prefix), *TRIGGERS, REBUILD]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_generic_facets")]

    operations = [migrations.RunPython(_recreate(""), _recreate(", prefix='2 3'"))]
