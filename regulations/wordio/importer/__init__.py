"""Nhập văn bản Word (.docx): small stages, each with what it reads and writes.

safety → read → header → signature → structure (pipeline.parse_docx, no database),
then store (one transaction per file). import_file() runs them all and always returns
an ImportReport; it never raises for a bad file.

`user`: the person importing (the admin upload). Without the publish permission their
document is stored as a draft for review; without a user (the command) it goes live.
"""

from __future__ import annotations

import logging
import os

from django.db import DatabaseError, IntegrityError, connection, transaction

from regulations.documents.models import DocumentType

# The one search import of the importer, on purpose: a whole file's index work is
# deferred to the end of its transaction (or queued), instead of one update per save.
from search.indexing import deferred

from ..originals import removed_on_error
from . import store as storing  # the module: `importer.store` stays the stage, not its function
from .errors import ImportRejected
from .pipeline import parse_docx
from .report import ImportReport

logger = logging.getLogger(__name__)


def document_type_lists():
    """(names, abbreviations) of the document types, read once per batch by the callers."""
    if DocumentType._meta.db_table not in connection.introspection.table_names():
        return (), ()  # a dry run on a database not migrated yet
    rows = list(DocumentType.objects.values_list("name", "abbreviation"))
    return [r[0] for r in rows], [r[1] for r in rows if r[1]]


PUBLISH_PERMISSION = "documents.publish_legaldocument"


def may_publish(user) -> bool:
    """No user (the command, run by the operator) or one with the publish permission."""
    return user is None or user.has_perm(PUBLISH_PERMISSION)


def _existing(header):
    """The library's document with the file's number (the dry run's warning), or None."""
    if not header.number:
        return None
    year = header.number.year or (header.date.year if header.date else None)
    try:
        return storing.find_clash(header.number.text, year)
    except DatabaseError:  # no database (dry run without one)
        return None


def import_file(data: bytes, path: str, *, kind=None, as_version_of=None, dry_run=False,
                type_lists=None, queue_index=True, user=None,
                effective_from=None) -> ImportReport:  # fmt: skip
    """Import one file's bytes; `path` is only used for the report and the stored name.

    `queue_index`: the search index update is queued in the file's transaction and
    delivered by the search task after commit (at once with the immediate task backend,
    by `db_worker` otherwise), so a batch does not wait for the index.
    `effective_from`: the date of the version added with `as_version_of`.
    """
    report = ImportReport(path=path, dry_run=dry_run)
    names, codes = type_lists if type_lists is not None else document_type_lists()
    try:
        parsed = parse_docx(data, kind=kind, type_names=names, type_codes=codes)
        header = parsed.header
        report.number = header.number.text if header.number else ""
        report.type = header.type_name
        report.issuer = header.issuer_name
        report.issued_date = header.date.isoformat() if header.date else None
        report.counts = parsed.outline.counts
        report.warnings = list(parsed.warnings)
        report.new_version = as_version_of is not None
        if dry_run and as_version_of is None and (existing := _existing(header)):
            report.warnings.append(storing.clash_message(existing))
        if not dry_run:
            filename = os.path.basename(path) or "van-ban.docx"
            publish = may_publish(user)
            with removed_on_error(), transaction.atomic(), deferred(queue=queue_index):
                document, version, warnings = storing.store(
                    parsed, data, filename, as_version_of, publish=publish, user=user,
                    effective_from=effective_from,
                )  # fmt: skip
            report.id, report.version_id = document.pk, version.pk
            report.effective_from = version.effective_from
            report.title = document.title
            report.live = document.live
            report.warnings += warnings
    except ImportRejected as exc:
        report.status, report.error = "error", exc.message
    except IntegrityError:  # a clash the store did not name (a concurrent import)
        report.status = "error"
        report.error = "Văn bản này đã có (vừa được nhập cùng lúc): hãy tải lại danh sách."
    except Exception as exc:  # a bug or a file we did not foresee: report, do not crash
        logger.exception("import_docx failed for %s", path)
        report.status, report.error = "error", f"Lỗi không lường trước khi đọc tệp: {exc}"
    if report.status == "error":
        report.id = report.version_id = None
    return report


__all__ = ["ImportRejected", "ImportReport", "document_type_lists", "import_file"]
