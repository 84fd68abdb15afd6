"""SearchEntry.parent: the key of the item an entry belongs to (results group under it).

Added with ALTER TABLE on both vendors: on SQLite, Django's AddField of a NOT NULL
column with a default remakes the table, which would drop the FTS5 triggers of 0002.
"""

from django.db import migrations, models

FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN parent varchar(200) NOT NULL DEFAULT ''",
    "CREATE INDEX search_searchentry_parent_idx ON search_searchentry (parent)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_searchentry_parent_idx",
    "ALTER TABLE search_searchentry DROP COLUMN parent",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_entry_scope_key")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="parent",
                    field=models.CharField(
                        blank=True, db_index=True, max_length=200, verbose_name="mục cha"
                    ),
                )
            ],
        )
    ]
