"""The folding backend on PostgreSQL: modelsearch's tsvector backend, values folded.

modelsearch builds its ObjectIndexer inside PostgresIndex.add_items, so add_items is
written again here with the folding indexer (same upsert as modelsearch 1.3); the rest
(tsvector columns, GIN indexes, query compiler, ranking) is modelsearch's. Folded text
goes through the "simple" configuration: no stemming, which would not fold Vietnamese.
"""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from .folding import FoldingBackendMixin, FoldingIndexerMixin, QuerysetFiltersMixin

_COLUMNS = ("title", "autocomplete", "body")


class FoldingObjectIndexer(FoldingIndexerMixin, ObjectIndexer):
    pass


class FoldingPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [FoldingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            vectors = []
            row_params = [content_type_pk, indexer.id]
            for column in _COLUMNS:
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(column), getattr(indexer, column)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                row_params.extend(value_params)
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
            params.extend([*row_params, indexer.title_text, indexer.body_text])
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values as parameters
                params,
            )
        if any(indexer.title_text for indexer in indexers):  # (a scan of the table)
            self._refresh_title_norms()


class SearchCompiler(QuerysetFiltersMixin, PostgresSearchQueryCompiler):
    pass


class AutocompleteCompiler(QuerysetFiltersMixin, PostgresAutocompleteQueryCompiler):
    pass


class FoldingPostgresBackend(FoldingBackendMixin, PostgresSearchBackend):
    index_class = FoldingPostgresIndex
    query_compiler_class = SearchCompiler
    autocomplete_query_compiler_class = AutocompleteCompiler

    def __init__(self, params):
        super().__init__(params)
        # Folded words: a language's stemmer has nothing to do on them.
        self.config = params.get("SEARCH_CONFIG") or "simple"
