"""Writing a version's provision sequence: paths, depth and order in one place."""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.tasks import update_reference_index_task

from cms.db import insert_many
from search.indexing import deferred

from ..models import LegalVersion, Provision
from ..models.versions import text_changed
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


PROVISION_COLUMNS = [
    "version_id", "sort_order", "level", "number", "title", "text", "path", "depth",
    "changed_by_id",
]  # fmt: skip


@transaction.atomic
def replace_provisions(version: LegalVersion, rows: list[ProvisionData]) -> list[str]:
    """Replace the whole text of a saved version with `rows` (in reading order).

    Rows go in below the ORM (cms.db.insert_many): a code has thousands of provisions
    and building a Provision instance for each costs more than storing it.
    """
    placed, warnings = place([(row.level, row.number) for row in rows])
    values = [
        (version.pk, order, row.level, row.number, row.title[:500], row.text,
         where.path, where.depth, row.changed_by_id)
        for order, (row, where) in enumerate(zip(rows, placed, strict=True))
    ]  # fmt: skip
    old = Provision.objects.filter(version=version)
    # Wagtail's reference index lists, under an amending document, the provisions it
    # changed; it learns of provisions from their own saves, which bulk rows skip.
    references = any(row.changed_by_id for row in rows) or old.exclude(changed_by=None).exists()
    with deferred():  # the document is indexed once, after the last row
        old.delete()
        insert_many(Provision, PROVISION_COLUMNS, values)
        text_changed(version)  # no signal was sent for the new rows
    if references:
        update_reference_index_task.enqueue("documents", "legalversion", str(version.pk))
    return warnings
