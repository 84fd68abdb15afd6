"""Writing a version's provision sequence: paths, depth and order in one place."""

from dataclasses import dataclass, field

from django.db import transaction

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
    Provision.objects.filter(version=version).delete()
    Provision.objects.bulk_create(objects, batch_size=2000)
    return warnings
