"""Provision paths named by tasks and review records must exist in the document."""

from django.utils.translation import gettext_lazy as _

from regulations.documents.services.relations import has_text, normalise_path, provision_exists


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
