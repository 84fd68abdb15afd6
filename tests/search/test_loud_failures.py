"""An app's owner function that fails is logged at WARNING and counted in search_status,
so the index never goes stale silently; a row being deleted is not a failure."""

import logging
from datetime import date
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from regulations.documents.models import LegalDocument, LegalVersion
from search.failures import owner_failures
from search.registry import registry

from .factories import legal_document


@pytest.fixture
def failing_version_owner():
    indexed = registry.models[LegalDocument]
    original = indexed.owners[LegalVersion]

    def broken(version):
        raise KeyError("a bug in the app's owner function")

    indexed.owners[LegalVersion] = broken
    cache.clear()
    yield
    indexed.owners[LegalVersion] = original


def test_a_failing_owner_function_is_logged_as_a_warning_and_counted(
    embedded_engine, failing_version_owner, caplog
):
    doc = legal_document("Quy chế văn thư", "30/QĐ-STTTT")
    with caplog.at_level(logging.WARNING, logger="search.indexing"):
        LegalVersion.objects.create(document=doc, effective_from=date(2017, 3, 31))
    warned = [r for r in caplog.records if "Owner lookup failed" in r.getMessage()]
    assert warned and "30/QĐ-STTTT" in warned[0].getMessage()  # names the object
    assert owner_failures() == len(warned)  # every failure is counted
    out = StringIO()
    call_command("search_status", stdout=out)
    assert f"Owner lookup failures (see the WARNING log): {len(warned)}" in out.getvalue()


def test_an_owner_deleted_with_its_row_is_not_counted_as_a_failure(embedded_engine):
    cache.clear()
    doc = legal_document("Quy chế văn thư", "31/QĐ-STTTT")
    LegalVersion.objects.create(document=doc, effective_from=date(2017, 3, 31))
    doc.delete()  # its versions go with it; their owner no longer exists
    assert owner_failures() == 0
