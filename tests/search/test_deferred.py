"""Bulk writers: search.indexing.deferred indexes each object once, at the end, or
queues one "refresh" outbox row per object for the search task."""

from datetime import date

import pytest
from django.db import transaction

from regulations.documents.models import LegalVersion
from regulations.documents.services.provisions import ProvisionData, replace_provisions
from search import service
from search.engines.base import flat_hits
from search.indexing import deferred
from search.jobs import deliver_outbox
from search.models import OutboxAction, SearchEntry, SearchOutbox

from .factories import legal_document


def _document_with_text(number, text):
    doc = legal_document("Quy chế lưu trữ hồ sơ", number)
    version = LegalVersion.objects.create(document=doc, effective_from=date(2017, 3, 31))
    replace_provisions(
        version,
        [
            ProvisionData(level="dieu", number="1", title="Phạm vi", text=text),
            ProvisionData(level="khoan", number="1", text="Hồ sơ giấy được số hóa."),
        ],
    )
    return doc


def test_deferred_block_indexes_the_final_state_once_at_its_end(embedded_engine):
    with deferred():
        doc = _document_with_text("20/QĐ-STTTT", "Quy định việc lập hồ sơ điện tử.")
        doc.title = "Quy chế lưu trữ hồ sơ điện tử"
        doc.save()
        assert not SearchEntry.objects.exists()  # nothing yet: saves were only noted
    hits = flat_hits(service.search("ho so dien tu").hits)  # provisions under their document
    assert {h.kind for h in hits} == {"document", "provision"}
    assert "Quy chế lưu trữ hồ sơ điện tử" in {h.title for h in hits}
    assert SearchEntry.objects.filter(kind="provision").count() == 2


def test_deferred_block_left_by_an_exception_indexes_nothing(embedded_engine):
    with pytest.raises(RuntimeError), transaction.atomic(), deferred():
        _document_with_text("21/QĐ-STTTT", "Quy định việc lập hồ sơ điện tử.")
        raise RuntimeError("the import failed")
    assert not SearchEntry.objects.exists()
    assert not SearchOutbox.objects.exists()


def test_queued_block_writes_refresh_rows_delivered_after_commit(
    embedded_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic(), deferred(queue=True):
            doc = _document_with_text("22/QĐ-STTTT", "Quy định việc tiêu hủy tài liệu.")
        rows = list(SearchOutbox.objects.values_list("action", "key"))
        assert rows == [(OutboxAction.REFRESH, f"documents.legaldocument:{doc.pk}")]
        assert service.search("tieu huy tai lieu").count == 0
    assert len(callbacks) == 1  # one delivery for the whole block
    assert service.search("tieu huy tai lieu").count == 1
    assert not SearchOutbox.objects.exists()


def test_refresh_row_of_an_object_deleted_since_removes_its_entries(embedded_engine):
    doc = _document_with_text("23/QĐ-STTTT", "Quy định việc mượn hồ sơ.")
    source = f"documents.legaldocument:{doc.pk}"
    assert SearchEntry.objects.filter(source=source).exists()
    with deferred(queue=True):
        doc.title = "Quy chế mượn hồ sơ"
        doc.save()
    with deferred(queue=True):  # deleted before the worker ran
        doc.delete()
    assert SearchEntry.objects.filter(source=source).exists()
    queued = SearchOutbox.objects.count()
    assert queued == 2
    assert deliver_outbox()["delivered"] == queued
    assert not SearchEntry.objects.filter(source=source).exists()
    assert service.search("muon ho so").count == 0


def test_refresh_rows_reach_elasticsearch(es_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic(), deferred(queue=True):
            _document_with_text("24/QĐ-STTTT", "Quy định việc chỉnh lý tài liệu.")
        assert SearchOutbox.objects.count() == 1
    assert not SearchOutbox.objects.exists()
    assert {h.kind for h in service.search("chinh ly tai lieu").hits} == {"provision"}
