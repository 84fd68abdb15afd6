"""Demo procedure set and search items."""

from datetime import date

import pytest
from django.core.management import call_command

from regulations.documents.models import LegalDocument
from regulations.procedures.models import (
    DossierComponent,
    Procedure,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)
from regulations.procedures.search_items import procedure_items, register
from regulations.procedures.services.history import simplifications
from search.registry import Registry

from .factories import ProcedureFactory, ProcedureVersionFactory, step
from .factories import method as add_method

pytestmark = pytest.mark.django_db


def _counts():
    return [
        m.objects.count()
        for m in (Procedure, ProcedureVersion, ProcedureMethod, DossierComponent, ProcedureStep)
    ]


def test_demo_procedure_set_is_published_and_loads_idempotently(demo_site, client):
    procedures = Procedure.objects.filter(live=True)
    assert procedures.count() >= 8
    fields = set(procedures.values_list("legal_field__name", flat=True))
    assert {"Báo chí", "Xuất bản", "Bưu chính", "Viễn thông", "Công nghệ thông tin"} <= fields
    units = set(procedures.values_list("handling_unit__code", flat=True))
    assert {"bao-chi-xuat-ban", "buu-chinh-vien-thong", "cong-nghe-thong-tin"} <= units
    announcing = LegalDocument.objects.get(number_symbol="1507/QĐ-UBND")
    assert announcing.kind == "hanh_chinh" and announcing.document_type.abbreviation == "QĐ"
    assert announcing.issuing_body.code == "UBND" and announcing.issued_date.year == 2017

    simplified = [p for p in procedures if p.versions.count() == 2]
    assert len(simplified) == 2
    for procedure in simplified:
        (change,) = simplifications(procedure)
        assert change.decision.number_symbol == "4830/QĐ-UBND"
        assert change.effective_from == date(2018, 9, 1)
        assert any(m.days_saved and m.days_saved > 0 for m in change.methods)
        assert change.components_removed

    before = _counts()
    call_command("load_demo", force=True, verbosity=0, stdout=_Sink(), stderr=_Sink())
    assert _counts() == before

    html = client.get("/thu-tuc/").content.decode()
    assert "Cấp giấy phép xuất bản bản tin" in html
    detail = client.get(simplified[0].get_absolute_url()).content.decode()
    assert "Lịch sử đơn giản hóa" in detail and "4830/QĐ-UBND" in detail


def test_search_item_for_a_live_procedure_and_none_for_a_draft():
    procedure = ProcedureFactory(name="Cấp giấy phép bưu chính", code="1.004970.000.00.00.H29")
    version = ProcedureVersionFactory(procedure=procedure, result="Giấy phép bưu chính")
    step(version, "Bước 1: Nộp hồ sơ")
    add_method(version)
    (item,) = procedure_items(procedure)
    assert item.kind == "procedure" and item.key == f"procedure:{procedure.pk}"
    assert item.title == "Cấp giấy phép bưu chính" and item.number == "1.004970.000.00.00.H29"
    assert "Bước 1: Nộp hồ sơ" in item.body and "Giấy phép bưu chính" in item.body
    assert "Có trụ sở tại Hà Nội" in item.body  # requirements
    assert item.url == procedure.get_absolute_url()
    assert item.facets == {
        "field": procedure.legal_field.name,
        "unit": procedure.handling_unit.name,
        "level": "Cấp tỉnh",
    }
    procedure.live = False
    assert procedure_items(procedure) == []


def test_register_declares_the_procedure_model_and_its_owners():
    registry = Registry()
    register(registry)
    entry = registry.models[Procedure]
    assert entry.kind == "procedure"
    version = ProcedureVersionFactory()
    assert entry.owners[ProcedureVersion](version) == [version.procedure]
    method = add_method(version)
    assert entry.owners[ProcedureMethod](method) == [version.procedure]
    draft = ProcedureFactory(live=False)
    assert draft not in list(entry.queryset())


class _Sink:
    def write(self, *_args):
        pass

    def flush(self):
        pass
