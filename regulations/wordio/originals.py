"""Tệp gốc: the imported .docx, kept in a private collection, served to staff only.

The original of an imported file may hold what the published text does not (tracked
changes, comments, a draft's wording), so it sits in the "Tệp gốc văn bản nhập"
collection, which has a login view restriction (Wagtail) and is served only to users
who may see documents (`documents.view_legaldocument`, see the before_serve_document
hook in wagtail_hooks). The public API and pages do not list or link private files
(cms.private_files).

A file written during an import is deleted again when the import fails or its
transaction rolls back (`removed_on_error`), so a refused or clashing import leaves
nothing in media.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

COLLECTION_NAME = "Tệp gốc văn bản nhập (nội bộ)"
VIEW_PERMISSION = "documents.view_legaldocument"

_written: ContextVar[list | None] = ContextVar("wordio_written_files", default=None)


def originals_collection() -> Collection:
    """The private collection of originals, created (with its restriction) on first use."""
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        try:
            with transaction.atomic():
                collection = root.add_child(name=COLLECTION_NAME)
                _restrict(collection)
            return collection
        except IntegrityError:  # created by a concurrent import
            collection = root.get_children().get(name=COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        _restrict(collection)
    return collection


def _restrict(collection):
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )


def keep_original(data: bytes, filename: str, title: str):
    """Save the original as a Wagtail document in the private collection."""
    Document = get_document_model()
    original = Document(title=(title or filename)[:255], collection=originals_collection())
    original.file.save(filename, ContentFile(data), save=False)
    written = _written.get()
    if written is not None:
        written.append((original.file.storage, original.file.name))
    original.file_size = len(data)
    original.save()
    return original


@contextmanager
def removed_on_error():
    """Delete the files keep_original wrote inside the block if the block raises.

    Nested blocks hand their files to the enclosing one on success, so the outermost
    block (around the import's transaction) decides.
    """
    outer = _written.get()
    names: list = []
    token = _written.set(names)
    try:
        yield
    except BaseException:
        for storage, name in names:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)
    if outer is not None:
        outer.extend(names)


def is_original(document) -> bool:
    return document.collection.name == COLLECTION_NAME and document.collection.depth == 2


def may_download(user) -> bool:
    """Staff who may see documents (the admin's view permission), superusers included."""
    return bool(user and user.is_authenticated and user.has_perm(VIEW_PERMISSION))
