"""Private files: Wagtail documents in a collection with a view restriction.

The public pages and API list and link only public files; a private file is served by
Wagtail's document view, which applies the restriction (and our before_serve_document
hooks, e.g. regulations.wordio for the imported originals).
"""

from django.db.models import Q
from wagtail.models import CollectionViewRestriction


def private_collections_q(prefix: str = "collection__") -> Q:
    """Matches rows whose collection, or an ancestor of it, has a view restriction."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{prefix}path__startswith": path})
    return query


def is_private(document) -> bool:
    return document is not None and document.collection.get_view_restrictions().exists()


def public_file(document):
    """The document to show the public, or None when it is private (or missing)."""
    return None if document is None or is_private(document) else document
