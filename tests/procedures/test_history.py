"""Lịch sử đơn giản hóa: version_history / compare_versions and the new-version service."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from regulations.procedures.services.history import compare_versions, version_history
from regulations.procedures.services.versions import new_version_from

from .factories import ProcedureVersionFactory, basis, component, decision, law_with_articles
from .factories import method as add_method
from .factories import step as add_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def simplified():
    """A procedure announced in 2017 and simplified in 2018 by a second decision."""
    first = ProcedureVersionFactory(decision=decision())
    add_method(first, "truc_tiep", 15, 100000, 0)
    add_method(first, "buu_chinh", 15, 100000, 1)
    component(first, "Tờ khai đề nghị cấp phép", 1, 0, order=0)
    component(first, "Sơ yếu lý lịch", 1, 0, order=1)
    component(first, "Bản sao quyết định thành lập", 0, 1, order=2)
    add_step(first, "Bước 1: Nộp hồ sơ")
    amending = decision("4830/QĐ-UBND", date(2018, 8, 20), "Quyết định sửa đổi")
    second = ProcedureVersionFactory(
        procedure=first.procedure, effective_from=date(2018, 9, 1), decision=amending
    )
    add_method(second, "truc_tiep", 10, 50000, 0)
    add_method(second, "truc_tuyen", 8, 0, 1)
    component(second, "Tờ khai đề nghị cấp phép", 1, 0, order=0)
    component(second, "Bản sao quyết định thành lập", 1, 0, order=1)  # now an original
    component(second, "Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, order=2)
    add_step(second, "Bước 1: Nộp hồ sơ")
    return first, second


def test_compare_versions_lists_days_fees_and_components_before_and_after(simplified):
    first, second = simplified
    change = compare_versions(first, second)
    by_kind = {m.kind: m for m in change.methods}
    assert [m.kind for m in change.methods] == ["truc_tiep", "truc_tuyen", "buu_chinh"]
    in_person = by_kind["truc_tiep"]
    assert (in_person.days_before, in_person.days_after) == (Decimal(15), Decimal(10))
    assert (in_person.fee_before, in_person.fee_after) == (Decimal(100000), Decimal(50000))
    assert in_person.days_saved == Decimal(5) and in_person.fee_saved == Decimal(50000)
    assert by_kind["truc_tuyen"].added and by_kind["truc_tuyen"].days_before is None
    assert by_kind["buu_chinh"].removed and by_kind["buu_chinh"].days_after is None
    assert change.components_removed == ["Sơ yếu lý lịch"]
    assert change.components_added == ["Giấy chứng nhận đăng ký doanh nghiệp"]
    assert [(c.name, c.before, c.after) for c in change.components_changed] == [
        ("Bản sao quyết định thành lập", "Bản chính: 0 - Bản sao: 1", "Bản chính: 1 - Bản sao: 0")
    ]
    assert change.components_changed[0].what == ["số lượng"]
    assert change.decision.number_symbol == "4830/QĐ-UBND"
    assert not change.steps_changed and change.fields_changed == []
    assert change.has_changes


def test_version_history_is_one_comparison_per_version_oldest_first(simplified):
    first, second = simplified
    history = version_history(first.procedure)
    assert [c.after.pk for c in history] == [first.pk, second.pk]
    assert history[0].before is None and history[1].before.pk == first.pk
    assert history[0].components_added == [
        "Tờ khai đề nghị cấp phép",
        "Sơ yếu lý lịch",
        "Bản sao quyết định thành lập",
    ]
    assert history[1].effective_from == date(2018, 9, 1)


def test_text_field_changes_are_named(simplified):
    first, second = simplified
    second.result = "Giấy phép điện tử"
    second.save()
    assert compare_versions(first, second).fields_changed == ["kết quả thực hiện"]


def test_new_version_from_copies_children_and_requires_a_decision(simplified):
    first, _second = simplified
    law = law_with_articles(articles=("35",))
    basis(first, law, "dieu-35")
    amending = decision("12/QĐ-UBND", date(2019, 1, 2), "Quyết định 2019")
    copy = new_version_from(first, date(2019, 2, 1), amending, "Sao chép để sửa")
    assert copy.pk and copy.decision == amending
    assert [m.kind for m in copy.methods.all()] == ["truc_tiep", "buu_chinh"]
    assert copy.components.count() == 3 and copy.steps.count() == 1
    assert copy.legal_basis.get().provision_path == "dieu-35"
    assert copy.revisions.count() == 1
    assert not compare_versions(first, copy).has_changes

    before = first.procedure.versions.count()
    with pytest.raises(ValidationError) as exc:
        new_version_from(first, date(2019, 3, 1), None)
    assert "decision" in exc.value.message_dict
    with pytest.raises(ValidationError):
        new_version_from(first, date(2019, 2, 1), amending)  # same date as `copy`
    assert first.procedure.versions.count() == before
