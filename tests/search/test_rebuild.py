"""rebuild_index: a new Elasticsearch index behind an atomic alias swap; embedded in a
transaction. The registered app modules provide the items."""

import io

import pytest
from django.core.management import CommandError, call_command

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
    assert service.search("ky cuong").total == 2
    assert service.status()["index"]["by_kind"] == {"document": 1, "provision": 1}


def test_changes_delivered_during_a_rebuild_reach_the_new_index(
    es_engine, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        doc = legal_document("Quy chế làm việc", "1/QĐ-STTTT")
    stale, _total = service.all_docs()
    stale = list(stale)  # what the rebuild read before the changes below

    def docs_read_while_others_save():
        with django_capture_on_commit_callbacks(execute=True):
            doc.title = "Quy chế chi tiêu nội bộ"
            doc.save()
            legal_document("Kế hoạch kiểm tra công vụ", "2/KH-STTTT")
        yield from stale

    es_engine.rebuild(docs_read_while_others_save())
    assert service.search("chi tieu noi bo").count == 1  # the newer write was kept
    assert service.search("quy che lam viec").count == 0
    assert service.search("kiem tra cong vu").count == 1  # saved after the read
    assert not es_engine.concrete_indexes(es_engine.building_alias)


def test_a_failed_rebuild_leaves_the_old_index_serving(
    es_engine, db, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        legal_document("Quy chế làm việc", "1/QĐ-STTTT")
    before = es_engine.concrete_indexes()

    def docs_then_failure():
        yield from service.all_docs()[0]
        raise ConnectionError("mất kết nối cơ sở dữ liệu")

    monkeypatch.setattr(service, "all_docs", lambda: (docs_then_failure(), 1))
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("rebuild_index", stdout=io.StringIO(), stderr=err)
    message = str(failure.value)
    assert "\n" not in message and "chỉ mục cũ vẫn phục vụ" in message
    assert before[0] in message
    assert es_engine.concrete_indexes() == before
    assert len(es_engine.client.indices.get(index=f"{es_engine.alias}*")) == 1
    assert service.search("quy che lam viec").count == 1
