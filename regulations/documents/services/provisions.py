"""Writing a version's provision sequence: paths, depth and order in one place."""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_save

from ..models import LegalVersion, Provision
from ..structure import place


@dataclass
class ProvisionData:
    """One provision as produced by the importer, the admin or the amend action."""

    level: str
    number: str = ""
    title: str = ""
    text: str = ""
    changed_by_id: int | None = None
    extra: dict = field(default_factory=dict)


def assign_paths(provisions) -> list[str]:
    """Set path, depth and sort_order on Provision objects in reading order.

    Returns warnings about duplicated paths (made unique with a "~n" suffix).
    """
    provisions = list(provisions)
    placed, warnings = place([(p.level, p.number) for p in provisions])
    for order, (prov, where) in enumerate(zip(provisions, placed, strict=True)):
        prov.path, prov.depth, prov.sort_order = where.path, where.depth, order
    return warnings


_state = threading.local()


@contextmanager
def bulk_writing():
    """Inside this block, saving or deleting single provisions does not reindex their
    document one by one; the writer notifies once at the end (`text_changed`)."""
    depth = getattr(_state, "depth", 0)
    _state.depth = depth + 1
    try:
        yield
    finally:
        _state.depth = depth


def in_bulk_write() -> bool:
    return getattr(_state, "depth", 0) > 0


def text_changed(version: LegalVersion):
    """Tell listeners (the search index) that a version's provisions changed."""
    post_save.send(
        sender=LegalVersion,
        instance=version,
        created=False,
        update_fields=None,
        raw=False,
        using=version._state.db,
    )


@transaction.atomic
def replace_provisions(version: LegalVersion, rows: list[ProvisionData]) -> list[str]:
    """Replace the whole text of a saved version with `rows` (in reading order)."""
    objects = [
        Provision(
            version=version,
            level=row.level,
            number=row.number,
            title=row.title[:500],
            text=row.text,
            changed_by_id=row.changed_by_id,
        )
        for row in rows
    ]
    warnings = assign_paths(objects)
    with bulk_writing():
        Provision.objects.filter(version=version).delete()
        Provision.objects.bulk_create(objects, batch_size=2000)
    # bulk_create sends no signal: notify once.
    text_changed(version)
    return warnings
