"""The embedded full-text index, per database vendor.

SQLite: an external-content FTS5 table over the idx_* columns, kept in step by
triggers. PostgreSQL: generated tsvector columns (weights A number, B title,
C body) with a GIN index. Text is folded in Python, so no unaccent extension.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        idx_number, idx_title, idx_body, idx_exact,
        content='search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0", prefix='2 3')""",
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
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE search_searchentry ADD COLUMN fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, idx_number), 'A')
        || setweight(to_tsvector('simple'::regconfig, idx_title), 'B')
        || setweight(to_tsvector('simple'::regconfig, idx_body), 'C')) STORED""",
    """ALTER TABLE search_searchentry ADD COLUMN fts_exact tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, idx_exact)) STORED""",
    "CREATE INDEX search_entry_fts_gin ON search_searchentry USING GIN (fts)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_fts_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS fts_exact",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
