"""Search items: one per live document plus one per provision of the version in force."""

from datetime import date

import pytest

from regulations.documents.search_items import document_items
from search.registry import Registry

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


def test_document_and_provision_items():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế làm việc")
    make_version(doc, date(2017, 2, 15))
    items = document_items(doc)
    first, *provisions = items
    assert (first.kind, first.number, first.facets["type"], first.facets["year"]) == (
        "document",
        "125/QĐ-STTTT",
        "Quy chế",
        "2017",
    )
    assert first.facets["status"] == "Còn hiệu lực" and first.in_force
    article = next(i for i in provisions if i.data["path"] == "dieu-3")
    assert article.kind == "provision"
    assert article.title == "Điều 3. Chế độ họp – Quy chế làm việc"
    assert article.url == "/van-ban/125-qd-stttt/dieu-3/"
    assert article.number == "125/QĐ-STTTT" and "thứ Hai" in article.body
    clause = next(i for i in provisions if i.data["path"] == "dieu-2/khoan-1")
    assert clause.title.startswith("Khoản 1 Điều 2 – ")
    assert len({i.key for i in items}) == len(items)


def test_unpublished_document_gives_no_item():
    doc = make_document(live=False)
    assert document_items(doc) == []


def test_registration_declares_owners():
    from regulations.documents.models import (
        DocumentRelation,
        LegalDocument,
        LegalVersion,
        Provision,
    )

    registry = Registry()
    from regulations.documents import search_items

    search_items.register(registry)
    indexed = registry.models[LegalDocument]
    assert indexed.kind == "document"
    assert set(indexed.owners) == {LegalVersion, Provision, DocumentRelation}


def test_index_follows_status_changes_from_relations():
    from regulations.documents.models import DocumentRelation, RelationType
    from search.models import SearchEntry

    old = make_document("09/2015/QĐ-TTg", "Quyết định", date(2015, 3, 25), issuer="TTg")
    make_version(old, date(2015, 3, 25))
    new = make_document("61/2018/NĐ-CP", "Nghị định", date(2018, 4, 23), issuer="CP")
    entry = SearchEntry.objects.get(key=f"document:{old.pk}")
    assert entry.facets["status"] == "Còn hiệu lực"
    assert SearchEntry.objects.filter(kind="provision", number="09/2015/QĐ-TTg").count() == 9
    DocumentRelation.objects.create(source=new, relation_type=RelationType.REPLACES, target=old)
    entry = SearchEntry.objects.get(key=f"document:{old.pk}")  # rows are rewritten
    assert entry.facets["status"] == "Hết hiệu lực toàn bộ" and not entry.in_force


def test_refresh_validity_updates_the_index():
    from django.core.management import call_command

    from regulations.documents.models import LegalDocument, ValidityStatus
    from search.models import SearchEntry

    doc = make_document()
    LegalDocument.objects.filter(pk=doc.pk).update(validity_status=ValidityStatus.UNKNOWN)
    call_command("refresh_validity", verbosity=0, stdout=_Null())
    assert SearchEntry.objects.get(key=f"document:{doc.pk}").facets["status"] == "Còn hiệu lực"


class _Null:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass
