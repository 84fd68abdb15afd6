"""Keeping the index in step with the data (signals → engine or outbox).

Embedded engine: entries are written inside the saving transaction.
Elasticsearch: outbox rows are written inside the saving transaction and
delivered after commit by a django-tasks task, so a save never waits for, or
fails because of, the search cluster.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .engines import get_engine
from .engines.base import item_to_doc
from .models import OutboxAction, SearchOutbox
from .registry import registry

logger = logging.getLogger(__name__)


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


def index_object(obj):
    """Write (or queue) the items of one object and drop its stale ones."""
    docs = docs_for(obj)
    source = source_of(obj)
    keys = [d["key"] for d in docs]
    engine = get_engine()
    if engine.transactional:
        with transaction.atomic():
            engine.index(docs)
            engine.purge(source, keys)
        return
    rows = [
        SearchOutbox(key=d["key"], kind=d["kind"], action=OutboxAction.INDEX, payload=d)
        for d in docs
    ]
    rows.append(
        SearchOutbox(
            key=source, action=OutboxAction.PURGE, payload={"source": source, "keep": keys}
        )
    )
    SearchOutbox.objects.bulk_create(rows)
    schedule_delivery()


def remove_object(obj):
    source = source_of(obj)
    engine = get_engine()
    if engine.transactional:
        engine.purge(source, [])
        return
    SearchOutbox.objects.create(
        key=source, action=OutboxAction.PURGE, payload={"source": source, "keep": []}
    )
    schedule_delivery()


class _Delivery:
    """An after-commit delivery; one pending per transaction is enough."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        from .tasks import process_outbox

        try:
            process_outbox.enqueue()
        except Exception:  # the queue itself is down: the outbox keeps the work
            logger.exception("Could not enqueue search outbox delivery")


def schedule_delivery():
    """Deliver the outbox once after the current transaction commits."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(entry[1], _Delivery) and not entry[1].done for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Delivery())


def _owners(model, obj):
    found = []
    for indexed in registry.models.values():
        for owner_model, get_owners in indexed.owners.items():
            if isinstance(obj, owner_model):
                try:
                    found.extend(get_owners(obj) or [])
                except Exception:  # the owner is being deleted too
                    logger.debug("No owners for %r", obj, exc_info=True)
    return found


def on_save(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: rebuild_index afterwards
        return
    if indexed_model_for(type(instance)) is not None:
        index_object(instance)
    for owner in _owners(sender, instance):
        index_object(owner)


def on_delete(sender, instance, **kwargs):
    if indexed_model_for(type(instance)) is not None:
        remove_object(instance)
    for owner in _owners(sender, instance):
        if owner.pk is not None and type(owner)._default_manager.filter(pk=owner.pk).exists():
            index_object(owner)


def connect_signals():
    """Connect save/delete handlers for every registered model and owner model."""
    models = set(registry.models)
    for indexed in registry.models.values():
        models.update(indexed.owners)
    for model in models:
        uid = f"search:{model._meta.label_lower}"
        post_save.connect(on_save, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(on_delete, sender=model, dispatch_uid=uid, weak=False)


def all_docs():
    """Every document of every registered model, for a rebuild; (iterator, total)."""
    sources = []
    total = 0
    for indexed in registry.models.values():
        queryset = indexed.queryset() if indexed.queryset else indexed.model._default_manager.all()
        sources.append(queryset)
        try:
            total += queryset.count()
        except (AttributeError, TypeError):
            total += len(queryset)

    def generate():
        for queryset in sources:
            iterator = (
                queryset.iterator(chunk_size=500) if hasattr(queryset, "iterator") else queryset
            )
            for obj in iterator:
                yield from docs_for(obj)

    return generate(), total
