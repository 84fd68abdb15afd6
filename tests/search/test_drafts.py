"""The public index holds the live content of live objects, never a draft.

Wagtail's "Save draft" on a live object stores the draft as a revision and saves only
the revision fields; the instance in memory carries the draft meanwhile.
"""

import pytest

from search import service
from tests.procedures.factories import ProcedureFactory

from .factories import legal_document

MARKER = "Bimatkhongcongbo"


def _public_hits(text):
    return service.search(text).count  # what anonymous visitors get


def _draft_then_publish_then_unpublish(obj, field):
    setattr(obj, field, f"{getattr(obj, field)} {MARKER}")
    revision = obj.save_revision()
    assert _public_hits(MARKER) == 0, "a draft save reached the public index"

    revision.publish()
    assert _public_hits(MARKER) >= 1

    obj = type(obj).objects.get(pk=obj.pk)
    obj.unpublish()
    assert _public_hits(MARKER) == 0


@pytest.mark.django_db
def test_a_legal_document_draft_stays_out_of_the_public_index(embedded_engine):
    doc = legal_document("Kế hoạch văn hóa công sở", "7/KH-STTTT", live=True)
    assert _public_hits("van hoa cong so") == 1
    _draft_then_publish_then_unpublish(doc, "title")


@pytest.mark.django_db
def test_a_procedure_draft_stays_out_of_the_public_index(embedded_engine):
    procedure = ProcedureFactory(name="Cấp giấy phép hoạt động in")
    assert _public_hits("giay phep hoat dong in") == 1
    _draft_then_publish_then_unpublish(procedure, "name")
