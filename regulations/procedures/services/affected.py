"""Hệ quả của việc sửa đổi: procedures whose legal basis a confirmed legal version changed.

When an officer confirms a new legal version of a document (documents.signals.
version_confirmed), the provisions it changed, added under, renumbered or repealed are
compared (documents.services.diff) with what the procedures in force cite:

- a basis citing a provision ("dieu-23", "dieu-5/khoan-2") is affected when that
  provision or one of its sub-units changed, was repealed or moved;
- a basis citing the whole document is affected by any change.

Each affected procedure gets one ProcedureBasisChange per legal version: receiving the
signal twice changes nothing.
"""

from django.db import transaction
from django.utils import timezone

from regulations.documents.services.diff import ADDED, CHANGED, MOVED, REMOVED, compare

from ..models import ProcedureBasisChange, ProcedureLegalBasis, ProcedureVersion

# What happened to a path: a repeal outranks a move, a move outranks a change.
_RANK = {CHANGED: 1, ADDED: 1, MOVED: 2, REMOVED: 3}


def changed_paths(previous, version) -> dict[str, str]:
    """{path in the previous version: "changed" | "moved" | "removed"}, plus the new
    paths of added units ("added"), for every unit whose text is not the same."""
    result: dict[str, str] = {}

    def mark(path, status):
        if path and _RANK[status] > _RANK.get(result.get(path), 0):
            result[path] = status

    for entry in compare(previous, version):
        if entry.status == REMOVED:
            mark(entry.old.path, REMOVED)
        elif entry.status == ADDED:
            mark(entry.new.path, ADDED)
        elif entry.status == MOVED:
            mark(entry.old.path, MOVED)
            if entry.text_changed:
                mark(entry.new.path, CHANGED)
        elif entry.status == CHANGED:
            mark(entry.old.path, CHANGED)
    return result


def _status_for(cited: str, changed: dict[str, str]) -> str | None:
    """How the provision `cited` ("" = the whole document) was affected, or None."""
    if not cited:
        return CHANGED if changed else None
    if cited in changed:
        return CHANGED if changed[cited] == ADDED else changed[cited]
    below = [s for path, s in changed.items() if path.startswith(cited + "/")]
    return CHANGED if below else None


def _versions_in_force(procedure_ids, today) -> set[int]:
    """The ids of the procedure versions still applying: the one in force today and
    later ones (a procedure not yet in force: all of its versions)."""
    by_procedure: dict[int, list] = {}
    for pk, procedure_id, start in ProcedureVersion.objects.filter(
        procedure_id__in=procedure_ids
    ).values_list("pk", "procedure_id", "effective_from"):
        by_procedure.setdefault(procedure_id, []).append((start, pk))
    keep = set()
    for versions in by_procedure.values():
        started = [start for start, _pk in versions if start <= today]
        current = max(started) if started else None
        keep.update(pk for start, pk in versions if current is None or start >= current)
    return keep


def affected_basis(version, previous) -> dict[int, tuple]:
    """{procedure id: (procedure version, [{"path", "status"}])} for the procedures whose
    basis in force cites what changed between `previous` and `version`."""
    if previous is None or previous.pk == version.pk:
        return {}
    rows = list(
        ProcedureLegalBasis.objects.filter(document_id=version.document_id)
        .select_related("version")
        .order_by("version__procedure_id", "version__effective_from", "sort_order", "pk")
    )
    if not rows:
        return {}
    changed = changed_paths(previous, version)
    if not changed:
        return {}
    keep = _versions_in_force({r.version.procedure_id for r in rows}, timezone.localdate())
    found: dict[int, tuple] = {}
    for row in rows:
        if row.version_id not in keep:
            continue
        status = _status_for(row.provision_path, changed)
        if status is None:
            continue
        procedure_id = row.version.procedure_id
        _version, items = found.setdefault(procedure_id, (row.version, []))
        if all(item["path"] != row.provision_path for item in items):
            items.append({"path": row.provision_path, "status": status})
        if row.version.effective_from > _version.effective_from:
            found[procedure_id] = (row.version, items)
    return found


@transaction.atomic
def flag_affected(version, previous) -> list[ProcedureBasisChange]:
    """Record a ProcedureBasisChange for each affected procedure (once per legal
    version); returns the flags of this version, new or already there."""
    flags = []
    for procedure_id, (procedure_version, items) in affected_basis(version, previous).items():
        flag, _created = ProcedureBasisChange.objects.get_or_create(
            procedure_id=procedure_id,
            legal_version=version,
            defaults={
                "procedure_version": procedure_version,
                "document_id": version.document_id,
                "previous_version": previous,
                "changes": items,
            },
        )
        flags.append(flag)
    return flags


def open_changes(procedure):
    """The procedure's flags not yet dealt with, newest first."""
    return (
        ProcedureBasisChange.objects.filter(procedure=procedure, resolved_at__isnull=True)
        .select_related("document", "legal_version__amending_document")
        .order_by("-created_at", "-pk")
    )


def resolve(change: ProcedureBasisChange, user, note: str) -> ProcedureBasisChange:
    """Close a flag (the review was planned, or judged unnecessary)."""
    if change.resolved_at is None:
        change.resolved_at = timezone.now()
        change.resolved_by = user if getattr(user, "pk", None) else None
        change.resolution = note
        change.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return change
