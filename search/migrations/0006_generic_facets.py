"""Facets without columns: the six facet_* columns go, the `facets` JSON stays.

Every entry already holds its facets in `facets` (the facet_* columns were copied from
it, cut to 200 characters); a value only a column holds is first copied into the JSON.
From now on facets are counted and filtered by name in the JSON
(search/engines/embedded_facets.py), so a new facet needs no migration.

Dropped with ALTER TABLE on both vendors: on SQLite, Django's RemoveField remakes
the table, which would drop the FTS5 triggers of 0002.
"""

from django.db import migrations

NAMES = {"type": 200, "issuer": 200, "year": 20, "status": 200, "field": 200, "unit": 200}
TABLE = "search_searchentry"


def _copy_into_json(vendor, name):
    """UPDATE putting a facet_<name> value the JSON lacks into the JSON."""
    column = f"facet_{name}"
    if vendor == "postgresql":
        return (
            f"UPDATE {TABLE} SET facets = COALESCE(facets, '{{}}'::jsonb)"
            f" || jsonb_build_object('{name}', {column})"
            f" WHERE {column} <> '' AND (facets -> '{name}') IS NULL"
        )
    return (
        f"UPDATE {TABLE} SET facets = json_set(COALESCE(facets, '{{}}'), '$.{name}', {column})"
        f" WHERE {column} <> '' AND json_extract(facets, '$.{name}') IS NULL"
    )


def _copy_into_column(vendor, name, length):
    value = f"facets ->> '{name}'" if vendor == "postgresql" else f"json_extract(facets, '$.{name}')"
    return f"UPDATE {TABLE} SET facet_{name} = COALESCE(substr({value}, 1, {length}), '')"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name in NAMES:
        schema_editor.execute(_copy_into_json(vendor, name))
    for name in NAMES:
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN facet_{name}")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, length in NAMES.items():
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN facet_{name} varchar({length}) NOT NULL DEFAULT ''"
        )
        schema_editor.execute(_copy_into_column(vendor, name, length))


class Migration(migrations.Migration):
    dependencies = [("search", "0005_searchentry_parent")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forward, backward)],
            state_operations=[
                migrations.RemoveField(model_name="searchentry", name=f"facet_{name}")
                for name in NAMES
            ],
        )
    ]
