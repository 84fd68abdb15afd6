"""Sources: the indexed objects, named "<app_label.model>:<pk>", and what each shows.

Both the signal handlers (search.indexing) and the outbox delivery job (search.jobs)
read objects through here, so neither has to import the other.
"""

from collections import defaultdict

from django.apps import apps

from .engines.base import item_to_doc
from .registry import registry


def source_of(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def indexed_model_for(model):
    for cls in model.__mro__:
        if cls in registry.models:
            return registry.models[cls]
    return None


def docs_for(obj) -> list[dict]:
    indexed = indexed_model_for(type(obj))
    if indexed is None:
        return []
    source = source_of(obj)
    return [item_to_doc(item, source) for item in indexed.to_items(obj) or []]


def load_source(source: str):
    """The object a source names, as its indexed queryset loads it; None if gone."""
    label, pk = source.rsplit(":", 1)
    model = apps.get_model(label)
    indexed = indexed_model_for(model)
    obj = None
    if indexed.queryset and indexed.model is model:  # with its select_related
        obj = indexed.queryset().filter(pk=pk).first()
    return obj or model._default_manager.filter(pk=pk).first()  # e.g. a draft


def load_sources(sources) -> dict[str, object | None]:
    """{source: the object, or None if gone} for many sources, one query per model
    (two when some are only in the default manager, e.g. drafts), as load_source."""
    pks_by_label = defaultdict(list)
    for source in sources:
        label, pk = source.rsplit(":", 1)
        pks_by_label[label].append(pk)
    found = {}
    for label, pks in pks_by_label.items():
        model = apps.get_model(label)
        indexed = indexed_model_for(model)
        objects = []
        if indexed is not None and indexed.queryset and indexed.model is model:
            objects = list(indexed.queryset().filter(pk__in=pks))
        missing = set(pks) - {str(obj.pk) for obj in objects}
        if missing:
            objects += model._default_manager.filter(pk__in=missing)
        found.update((f"{label}:{obj.pk}", obj) for obj in objects)
    return {source: found.get(source) for source in sources}


def refresh_changes(source: str) -> list[tuple]:
    """What a "refresh" outbox row stands for, read from the database now:
    (action, key, payload) changes for SearchEngine.apply."""
    obj = load_source(source)
    docs = docs_for(obj) if obj is not None else []
    keep = [d["key"] for d in docs]
    return [("index", d["key"], d) for d in docs] + [
        ("purge", source, {"source": source, "keep": keep})
    ]
