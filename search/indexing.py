"""Keeping the index in step with the data (signals → engine or outbox).

Embedded engine: entries are written inside the saving transaction.
Elasticsearch: outbox rows are written inside the saving transaction and
delivered after commit by the django-tasks job search.jobs.process_outbox, so a
save never waits for, or fails because of, the search cluster.
Bulk writers (the Word import) wrap their saves in `deferred()`: each changed object
is indexed once at the end, or, with queue=True, gets one "refresh" outbox row that
the same task turns into entries read from the database, on either engine.
"""

import logging
import threading
from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin

from .engines import get_engine
from .failures import count_owner_failure
from .jobs import enqueue_delivery
from .models import OutboxAction, SearchOutbox
from .registry import registry
from .signals import content_changed
from .sources import docs_for, indexed_model_for, load_source, load_sources, source_of

logger = logging.getLogger(__name__)

REBUILD_BATCH = 500  # objects read, and items written, at a time


def index_object(obj):
    """Write (or queue) the items of one object and drop its stale ones."""
    replace_sources({source_of(obj): docs_for(obj)})


def remove_object(obj):
    remove_source(source_of(obj))


def remove_source(source: str):
    replace_sources({source: []})


def replace_sources(items_by_source: dict[str, list[dict]]):
    """Each source's items become exactly these (none: the source is gone).

    Embedded engine: written now, in the caller's transaction. Elasticsearch: one
    outbox row per item and one purge row per source, delivered after commit.
    """
    if not items_by_source:
        return
    engine = get_engine()
    if engine.transactional:
        with transaction.atomic():
            engine.replace(items_by_source)
        return
    rows = []
    for source, docs in items_by_source.items():
        rows += [
            SearchOutbox(key=d["key"], kind=d["kind"], action=OutboxAction.INDEX, payload=d)
            for d in docs
        ]
        keep = [d["key"] for d in docs]
        rows.append(
            SearchOutbox(
                key=source, action=OutboxAction.PURGE, payload={"source": source, "keep": keep}
            )
        )
    SearchOutbox.objects.bulk_create(rows, batch_size=REBUILD_BATCH)
    schedule_delivery()


def index_sources(sources):
    """Index the objects that `sources` name, read from the database, REBUILD_BATCH
    at a time: one query per model to load them and one write per batch. The demo
    load defers ~9,000 sources; one by one they took most of its time."""
    sources = list(sources)
    for start in range(0, len(sources), REBUILD_BATCH):
        loaded = load_sources(sources[start : start + REBUILD_BATCH])
        replace_sources(
            {source: docs_for(obj) if obj is not None else [] for source, obj in loaded.items()}
        )


class _Delivery:
    """An after-commit delivery; one pending per transaction is enough."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        try:
            enqueue_delivery()
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


def _owners(model, obj) -> list[tuple[str, object]]:
    """(source, instance or None) of the indexed objects that show `obj`. Registry owner
    functions return instances, or (Model, pk) references that cost no query: those are
    loaded, fresh, only when indexed at once."""
    found = []
    for indexed in registry.models.values():
        for owner_model, get_owners in indexed.owners.items():
            if isinstance(obj, owner_model):
                try:
                    found.extend(get_owners(obj) or [])
                except ObjectDoesNotExist:  # the owner is being deleted too
                    logger.debug("No owners for %r", obj, exc_info=True)
                except Exception:  # a bug in an app's owner function: loud, not fatal
                    logger.warning("Owner lookup failed for %r", obj, exc_info=True)
                    count_owner_failure()
    owners = []
    for owner in found:
        if isinstance(owner, tuple):
            model, pk = owner
            owners.append((f"{model._meta.label_lower}:{pk}", None))
        elif owner.pk is not None:
            owners.append((source_of(owner), owner))
    return owners


_deferred = threading.local()


@contextmanager
def deferred(queue: bool = False):
    """Inside this block, saves only note which objects changed; each is indexed once,
    from the database, when the block ends.

    An import saves a document, its version and thousands of provisions: each save
    would reindex the whole document. With `queue=True` the block ends by writing one
    "refresh" outbox row per object instead, which the search task delivers after
    commit (in the worker, with a background task backend): a batch import does not
    wait for the index. Nested blocks flush with the outermost one; a block left by
    an exception indexes nothing (its transaction rolls back).
    """
    if getattr(_deferred, "pending", None) is not None:
        yield
        return
    _deferred.pending = pending = {}
    try:
        yield
    finally:
        _deferred.pending = None
    if queue and pending:
        SearchOutbox.objects.bulk_create(
            SearchOutbox(key=source, action=OutboxAction.REFRESH, payload={"source": source})
            for source in pending
        )
        schedule_delivery()
        return
    index_sources(pending)


def is_deferred() -> bool:
    """True inside a deferred() block: bulk writers then tell the index once, at the end."""
    return getattr(_deferred, "pending", None) is not None


def _defer(source: str) -> bool:
    """Note `source` if a deferred() block is open; True when it was deferred."""
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        return False
    pending[source] = True
    return True


def on_save(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: rebuild_index afterwards
        return
    if indexed_model_for(type(instance)) is not None and not _defer(source_of(instance)):
        live = _as_stored(instance)
        if live is not None:
            index_object(live)
        else:
            remove_object(instance)
    for source, owner in _owners(sender, instance):
        if _defer(source):
            continue
        owner = _as_stored(owner) if owner is not None else load_source(source)
        if owner is not None:
            index_object(owner)


def _as_stored(obj):
    """The object as the database holds it, for models with drafts.

    "Save draft" on a live object saves only its revision fields: the row keeps the
    live content while the instance in memory carries the draft. Indexing the
    instance would publish the draft, so such models are read back from the row.
    """
    if isinstance(obj, DraftStateMixin):
        return load_source(source_of(obj))
    return obj


def on_delete(sender, instance, **kwargs):
    if indexed_model_for(type(instance)) is not None and not _defer(source_of(instance)):
        remove_object(instance)
    for source, _owner in _owners(sender, instance):
        # Deferred: reindexed at the end, or removed if it is gone too. At once: read
        # again, since an owner deleted along with `instance` is its own signal's work.
        if not _defer(source) and (owner := load_source(source)) is not None:
            index_object(owner)


def connect_signals():
    """Connect save/delete handlers for every registered model and owner model."""
    models = set(registry.models)
    for indexed in registry.models.values():
        models.update(indexed.owners)
    for model in models:
        uid = f"search:{model._meta.label_lower}"
        post_save.connect(on_save, sender=model, dispatch_uid=uid, weak=False)
        content_changed.connect(on_save, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(on_delete, sender=model, dispatch_uid=uid, weak=False)


def all_docs():
    """Every document of every registered model, for a rebuild; (iterator, total).

    Rows are read in primary-key batches, each fetched whole, so no database cursor
    stays open while the engine is being called between batches.
    """
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
            for obj in _in_batches(queryset):
                yield from docs_for(obj)

    return generate(), total


def _in_batches(queryset):
    if not hasattr(queryset, "order_by"):
        yield from queryset
        return
    queryset = queryset.order_by("pk")
    last = None
    while True:
        batch = list(
            (queryset.filter(pk__gt=last) if last is not None else queryset)[:REBUILD_BATCH]
        )
        yield from batch
        if len(batch) < REBUILD_BATCH:
            return
        last = batch[-1].pk
