"""The folding backend on SQLite: modelsearch's FTS5 backend, values folded.

modelsearch builds its ObjectIndexer inside SQLiteIndex.add_items, so add_items is
written again here with the folding indexer; the rest (FTS5 table, triggers, query
compiler, BM25 ranking) is modelsearch's.
"""

from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from .folding import FoldingBackendMixin, FoldingIndexerMixin, QuerysetFiltersMixin


class FoldingObjectIndexer(FoldingIndexerMixin, ObjectIndexer):
    pass


class FoldingSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [FoldingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        values = {
            indexer.id: {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
            for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=values).values_list("object_id", flat=True))
        for object_id in existing:  # an update keeps the row id the FTS5 table joins on
            entries.filter(object_id=object_id).update(**values[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **fields)
            for object_id, fields in values.items()
            if object_id not in existing
        )
        if any(fields["title"] for fields in values.values()):  # (a scan of the table)
            self._refresh_title_norms()


class SearchCompiler(QuerysetFiltersMixin, SQLiteSearchQueryCompiler):
    pass


class AutocompleteCompiler(QuerysetFiltersMixin, SQLiteAutocompleteQueryCompiler):
    pass


class FoldingSQLiteBackend(FoldingBackendMixin, SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
    query_compiler_class = SearchCompiler
    autocomplete_query_compiler_class = AutocompleteCompiler
