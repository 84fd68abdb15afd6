"""rebuild_index: a new Elasticsearch index behind an atomic alias swap; embedded in a
transaction. The registered app modules provide the items."""

import io

from django.core.management import call_command

from search import service
from search.models import SearchEntry

from .factories import legal_document, version_with_provisions


def _rebuild():
    out = io.StringIO()
    call_command("rebuild_index", stdout=out)
    return out.getvalue()


def test_elasticsearch_rebuild_swaps_alias(es_engine, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        doc = legal_document()
        version_with_provisions(doc, [(1, "Mục tiêu", "Tăng cường kỷ cương hành chính.")])
    first = es_engine.concrete_indexes()
    assert len(first) == 1
    # Something the signals missed (a raw update) is picked up by the rebuild.
    type(doc).objects.filter(pk=doc.pk).update(title="Kế hoạch đơn giản hóa")
    text = _rebuild()
    assert "mục" in text and "[" in text  # summary and progress bar
    second = es_engine.concrete_indexes()
    assert len(second) == 1 and second != first
    assert not es_engine.client.indices.exists(index=first[0])
    assert service.search("don gian hoa", kind="document").count == 1
    assert service.search("ky cuong", kind="provision").count == 1
    status = service.status()
    assert status["index"]["documents"] == 2


def test_embedded_rebuild(embedded_engine, db):
    doc = legal_document()
    version_with_provisions(doc, [(1, "Mục tiêu", "Tăng cường kỷ cương hành chính.")])
    SearchEntry.objects.all().delete()
    assert service.search("ky cuong").count == 0
    _rebuild()
    assert service.search("ky cuong").count == 2
    assert service.status()["index"]["by_kind"] == {"document": 1, "provision": 1}
