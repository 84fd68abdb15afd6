"""Model validation of thủ tục hành chính: messages in Vietnamese naming the field."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from regulations.procedures.models import ProcedureLegalBasis, ProcedureMethod, ProcedureVersion
from regulations.procedures.services.legal_basis import normalise_provision_path

from .factories import ProcedureFactory, ProcedureVersionFactory, decision, law_with_articles

pytestmark = pytest.mark.django_db


def test_method_with_zero_processing_days_is_rejected_naming_the_field():
    version = ProcedureVersionFactory()
    bad = ProcedureMethod(version=version, kind="truc_tiep", processing_days=Decimal(0))
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert (
        "Thời hạn giải quyết (ngày làm việc) phải lớn hơn 0."
        in exc.value.message_dict["processing_days"]
    )


def test_method_with_negative_fee_is_rejected():
    version = ProcedureVersionFactory()
    bad = ProcedureMethod(
        version=version, kind="truc_tiep", processing_days=Decimal(5), fee=Decimal(-1)
    )
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert exc.value.message_dict["fee"] == ["Phí, lệ phí không thể âm."]


def test_second_version_on_the_same_date_is_rejected():
    first = ProcedureVersionFactory(decision=decision())
    clash = ProcedureVersion(
        procedure=first.procedure, effective_from=first.effective_from, decision=first.decision
    )
    with pytest.raises(ValidationError) as exc:
        clash.full_clean()
    assert any("Ngày áp dụng trùng" in m for m in exc.value.message_dict["effective_from"])


def test_later_version_without_decision_is_rejected_but_first_may_omit_it():
    first = ProcedureVersionFactory(decision=None)
    first.full_clean()  # the first version may rely on the set's announcing decision
    later = ProcedureVersion(procedure=first.procedure, effective_from=date(2018, 9, 1))
    with pytest.raises(ValidationError) as exc:
        later.full_clean()
    assert "quyết định công bố/sửa đổi" in exc.value.message_dict["decision"][0]


def test_version_cannot_apply_before_its_decision_was_issued():
    version = ProcedureVersion(
        procedure=ProcedureFactory(),
        effective_from=date(2017, 1, 1),
        decision=decision(issued=date(2017, 3, 14)),
    )
    with pytest.raises(ValidationError) as exc:
        version.full_clean()
    assert (
        "trước ngày ban hành quyết định (14/03/2017)" in exc.value.message_dict["effective_from"][0]
    )


def test_procedure_code_format_and_automatic_slug():
    procedure = ProcedureFactory.build(code="1.000656 H29", slug="", name="Cấp phép Đặc biệt")
    with pytest.raises(ValidationError) as exc:
        procedure.full_clean()
    assert "Mã thủ tục" in exc.value.message_dict["code"][0]
    procedure.code = "1.000656.000.00.00.H29"
    procedure.legal_field.save()
    procedure.handling_unit.save()
    procedure.procedure_set.save()
    procedure.legal_field_id = procedure.legal_field.pk
    procedure.handling_unit_id = procedure.handling_unit.pk
    procedure.procedure_set_id = procedure.procedure_set.pk
    procedure.full_clean()
    procedure.save()
    assert procedure.slug == "cap-phep-dac-biet"
    assert procedure.get_absolute_url() == "/thu-tuc/cap-phep-dac-biet/"


def test_citation_and_path_forms_are_normalised():
    assert normalise_provision_path("điểm a khoản 2 Điều 5") == "dieu-5/khoan-2/diem-a"
    assert normalise_provision_path("Điều 35") == "dieu-35"
    assert normalise_provision_path("dieu-5/khoan-2") == "dieu-5/khoan-2"
    assert normalise_provision_path("không phải trích dẫn") == ""


def test_legal_basis_provision_must_exist_in_the_documents_current_version():
    law = law_with_articles(articles=("35",))
    version = ProcedureVersionFactory()
    ok = ProcedureLegalBasis(version=version, document=law, provision_path="khoản 1 Điều 35")
    ok.full_clean()
    assert ok.provision_path == "dieu-35/khoan-1"
    assert ok.url.endswith("#dieu-35-khoan-1")
    assert ok.citation_label == "khoản 1 Điều 35 Luật số 103/2016/QH13"

    missing = ProcedureLegalBasis(version=version, document=law, provision_path="Điều 99")
    with pytest.raises(ValidationError) as exc:
        missing.full_clean()
    message = exc.value.message_dict["provision_path"][0]
    assert "Không có Điều 99 (dieu-99)" in message and "103/2016/QH13" in message

    malformed = ProcedureLegalBasis(version=version, document=law, provision_path="???")
    with pytest.raises(ValidationError) as exc:
        malformed.full_clean()
    assert "không đúng dạng" in exc.value.message_dict["provision_path"][0]


def test_legal_basis_provision_on_a_document_without_text_is_rejected():
    law = law_with_articles("19/2012/QH13", articles=(), title="Luật Xuất bản")
    basis = ProcedureLegalBasis(
        version=ProcedureVersionFactory(), document=law, provision_path="Điều 25"
    )
    with pytest.raises(ValidationError) as exc:
        basis.full_clean()
    assert "chưa có nội dung theo điều, khoản" in exc.value.message_dict["provision_path"][0]
    basis.provision_path = ""
    basis.full_clean()  # citing the whole document is fine
