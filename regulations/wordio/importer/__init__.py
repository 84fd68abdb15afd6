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

from django.db import IntegrityError, connection, transaction

from .errors import ImportRejected
from .report import ImportReport

logger = logging.getLogger(__name__)


def document_type_lists():
    """(names, abbreviations) of the document types, read once per batch by the callers."""
    from regulations.documents.models import DocumentType

    if DocumentType._meta.db_table not in connection.introspection.table_names():
        return (), ()  # a dry run on a database not migrated yet
    rows = list(DocumentType.objects.values_list("name", "abbreviation"))
    return [r[0] for r in rows], [r[1] for r in rows if r[1]]


PUBLISH_PERMISSION = "documents.publish_legaldocument"


def may_publish(user) -> bool:
    """No user (the command, run by the operator) or one with the publish permission."""
    return user is None or user.has_perm(PUBLISH_PERMISSION)


def import_file(data: bytes, path: str, *, kind=None, as_version_of=None, dry_run=False,
                type_lists=None, queue_index=True, user=None) -> ImportReport:  # fmt: skip
    """Import one file's bytes; `path` is only used for the report and the stored name.

    `queue_index`: the search index update is queued in the file's transaction and
    delivered by the search task after commit (at once with the immediate task backend,
    by `db_worker` otherwise), so a batch does not wait for the index.
    """
    from search.indexing import deferred

    from ..originals import removed_on_error
    from .pipeline import parse_docx
    from .store import store

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
        if not dry_run:
            filename = os.path.basename(path) or "van-ban.docx"
            publish = may_publish(user)
            with removed_on_error(), transaction.atomic(), deferred(queue=queue_index):
                document, version, warnings = store(
                    parsed, data, filename, as_version_of, publish=publish, user=user
                )
            report.id, report.version_id = document.pk, version.pk
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
