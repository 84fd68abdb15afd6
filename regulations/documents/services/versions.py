"""Phiên bản pháp lý theo thời điểm: which consolidated version is in force on a date.

A version is in force from its `effective_from` until the day before the next
version's date; the last one has no end.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from ..models import LegalVersion, Provision
from .validity import today


@dataclass
class VersionRange:
    version: LegalVersion
    start: date
    end: date | None  # last day in force; None: still the latest

    def contains(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


def versions_of(document):
    """The confirmed versions (a consolidation draft waits for the officer's confirmation)."""
    return LegalVersion.objects.filter(document=document, is_draft=False).order_by("effective_from")


def version_on(document, on: date | None = None) -> LegalVersion | None:
    """The version in force on `on` (today by default), or None before the first one."""
    on = on or today()
    return versions_of(document).filter(effective_from__lte=on).order_by("-effective_from").first()


def current_version(document) -> LegalVersion | None:
    """The version in force today, else the earliest one (a text not yet in force)."""
    return version_on(document) or versions_of(document).first()


def version_ranges(document) -> list[VersionRange]:
    versions = list(versions_of(document).select_related("amending_document"))
    ranges = []
    for i, version in enumerate(versions):
        nxt = versions[i + 1] if i + 1 < len(versions) else None
        end = nxt.effective_from - timedelta(days=1) if nxt else None
        ranges.append(VersionRange(version, version.effective_from, end))
    return ranges


def previous_version(version: LegalVersion) -> LegalVersion | None:
    return (
        versions_of(version.document_id)
        .filter(effective_from__lt=version.effective_from)
        .order_by("-effective_from")
        .first()
    )


def later_changes(version: LegalVersion) -> dict[str, list]:
    """For each path, the later versions that changed it: {path: [(version, document)]}.

    "Which later document changed this provision": read from the changed_by marks
    of the provisions at the same path in later versions.
    """
    result: dict[str, list] = {}
    rows = (
        Provision.objects.filter(
            version__document_id=version.document_id,
            version__effective_from__gt=version.effective_from,
            changed_by__isnull=False,
        )
        .select_related("version", "changed_by")
        .order_by("version__effective_from", "sort_order")
    )
    for row in rows:
        entries = result.setdefault(row.path, [])
        if all(doc.pk != row.changed_by_id for _v, doc in entries):
            entries.append((row.version, row.changed_by))
    return result
