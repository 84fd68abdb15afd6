"""Writing many rows at once, below the ORM.

`bulk_create` prepares every value of every row through the field API and builds one
multi-row statement per batch; for an import that writes thousands of rows of plain
text and integers, that preparation costs more than the database's own work. Callers
pass values that are already what the database takes (str, int, None, adapted dates
and JSON) and get no model instances, no primary keys and no signals back.
"""

from django.db import connection

BATCH = 1000


def insert_many(model, columns: list[str], rows: list) -> int:
    """INSERT `rows` (one sequence of values per row, in `columns` order) into
    `model`'s table with executemany, in batches; returns the number of rows."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(column) for column in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
    return len(rows)
