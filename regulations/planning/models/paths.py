"""Provision paths named by tasks and review records must exist in the document."""

from django.utils.translation import gettext_lazy as _

from regulations.documents.models.versions import has_text, provision_exists
from regulations.documents.structure import normalise_path


def provision_path_error(document_id, path):
    """A Vietnamese message if `path` names no provision of a document that has text."""
    if not (document_id and path):
        return None
    path = normalise_path(path)
    if has_text(document_id) and not provision_exists(document_id, path):
        return _("Văn bản không có quy định “%(path)s” (ví dụ đúng: dieu-5/khoan-2).") % {
            "path": path
        }
    return None
