"""What both folding backends share: folded index values, folded queries."""

import copy

from modelsearch.query import SearchQuery

from ..text import fold


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


class FoldingBackendMixin:
    """On a modelsearch backend: search() and autocomplete() see folded queries."""

    folds_vietnamese = True  # what the system check (search.checks) looks for

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)
