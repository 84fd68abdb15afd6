"""What both folding backends share: folded index values, folded queries."""

import copy

from modelsearch.backends.base import SearchFieldError
from modelsearch.query import SearchQuery

from vietnamese.folding import tokens


def fold(text: str) -> str:
    """Text as both engines index it: folded words (vietnamese.folding.tokens), one space
    apart. "125/QĐ-STTTT" → "125 qd stttt": SQLite's and PostgreSQL's tokenisers then
    see the same plain words in the index and in the query."""
    return " ".join(tokens(text))


def fold_query(query):
    """A query string, or a modelsearch SearchQuery tree, with its text folded."""
    if isinstance(query, str):
        return fold(query)
    if not isinstance(query, SearchQuery):
        return query
    folded = copy.copy(query)
    if isinstance(getattr(folded, "query_string", None), str):
        folded.query_string = fold(folded.query_string)
    for name in ("subquery", "subquery_a", "subquery_b"):
        if hasattr(folded, name):
            setattr(folded, name, fold_query(getattr(folded, name)))
    if hasattr(folded, "subqueries"):
        folded.subqueries = [fold_query(sub) for sub in folded.subqueries]
    return folded


class FoldingIndexerMixin:
    """On a modelsearch ObjectIndexer: every value it indexes is folded."""

    def prepare_value(self, value):
        return fold(super().prepare_value(value))


class QuerysetFiltersMixin:
    """On a modelsearch database query compiler: any filter and ordering is allowed.

    The database backends apply the caller's queryset as it is (`pk__in` the matching
    index entries), so the FilterField declarations modelsearch asks for (meant for
    engines that filter in their own index) only refused the admin's scoped, filtered
    listings. The `fields` argument is still checked.
    """

    def check(self):
        allowed = {f.field_name for f in self.queryset.model.get_searchable_search_fields()}
        for name in self.fields or []:
            if name not in allowed:
                raise SearchFieldError(
                    f"Cannot search {self.queryset.model.__name__} on {name!r}: not a SearchField.",
                    field_name=name,
                )


class FoldingBackendMixin:
    """On a modelsearch backend: search() and autocomplete() see folded queries."""

    folds_vietnamese = True  # what the system check (search.checks) looks for

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)
