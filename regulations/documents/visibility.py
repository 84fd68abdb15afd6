"""Which documents the public may see, and what it sees of the others.

The one rule for every public page and API serializer that shows a document, its
own or a related one (amending document of a version, "changed by" of a provision,
relations from both sides, a procedure's legal basis and decisions): a document is
public when it is live (published, not unpublished or expired). Of any other document
the public sees neither the number nor the title, only UNPUBLISHED_LABEL.

Keep the rule here: `is_public(doc)` for one object, `public_filter(prefix)` for
querysets (services.library.public_documents() applies it to every document). This
module imports no model, so the models can use the rule.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

UNPUBLISHED_LABEL = _("văn bản chưa công bố")


def is_public(document) -> bool:
    """True when `document` (a LegalDocument or None) may be shown to the public."""
    return document is not None and bool(getattr(document, "live", False))


def public_filter(prefix: str = "") -> Q:
    """The rule as a Q object, e.g. public_filter("target__") for relations."""
    return Q(**{f"{prefix}live": True})


def public_or_none(document):
    """The document when it is public, else None."""
    return document if is_public(document) else None


def version_note(version) -> str:
    """A legal version's note, unless its amending document is not public: the note
    written by amend() names that document ("Sửa đổi, bổ sung theo Quyết định số …")."""
    if version.amending_document_id and not is_public(version.amending_document):
        return ""
    return version.note


def reference(document, request=None) -> dict | None:
    """A related document as the API shows it: id, number, title and page URL when it
    is public; when it is not, only that it exists, without number or title."""
    if document is None:
        return None
    if not is_public(document):
        return {
            "id": None,
            "number_symbol": None,
            "title": None,
            "html_url": None,
            "published": False,
            "label": str(UNPUBLISHED_LABEL),
        }
    url = document.get_absolute_url()
    return {
        "id": document.pk,
        "number_symbol": document.number_symbol,
        "title": document.title,
        "html_url": request.build_absolute_uri(url) if request else url,
        "published": True,
    }
