"""Dossiers: appointment from the version in force, derived lateness, history, bad input."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regulations.dossiers.models import AppointmentChange, Dossier, DossierStatus
from regulations.dossiers.services.appointments import extend_due_date
from regulations.dossiers.services.records import change_status

from .factories import at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return make_procedure(
        versions={
            date(2016, 1, 1): {"truc_tiep": "5", "truc_tuyen": "2.5"},
            date(2017, 6, 1): {"truc_tiep": "3"},  # simplified in 2017
        }
    )


def test_statuses_are_seeded_data_1_to_10():
    assert list(DossierStatus.objects.values_list("code", flat=True)) == list(range(1, 11))
    assert DossierStatus.objects.get(code=10).name == "Đã trả kết quả"


def test_appointment_uses_the_version_in_force_at_receipt(procedure):
    # Wednesday 31/5/2017 09:00, 5 days (old version) → Wednesday 7/6 (12:00).
    old = make_dossier(procedure, "HS-1", at(2017, 5, 31, 9))
    # Thursday 1/6/2017 09:00, 3 days (new version) → Tuesday 6/6.
    new = make_dossier(procedure, "HS-2", at(2017, 6, 1, 9))
    assert old.due_date == date(2017, 6, 7)
    assert new.due_date == date(2017, 6, 6)
    assert old.appointment_date == old.due_date


def test_appointment_uses_the_method_processing_days_with_half_days(procedure):
    # Online, 2.5 days (5 sessions) from Monday 6/3 09:00: Mon pm, Tue am+pm, Wed am+pm.
    dossier = make_dossier(procedure, "HS-3", at(2017, 3, 6, 9), method_kind="truc_tuyen")
    assert dossier.due_date == date(2017, 3, 8)


def test_appointment_across_tet(procedure):
    # 5 days from Tuesday 24/1/2017 14:00: 25/1, then Tết, 2/2, 3/2, 6/2, 7/2.
    dossier = make_dossier(procedure, "HS-4", at(2017, 1, 24, 14))
    assert dossier.due_date == date(2017, 2, 7)


def test_unknown_method_or_no_version_is_a_clear_error(procedure):
    with pytest.raises(ValidationError) as exc:
        make_dossier(procedure, "HS-5", at(2017, 6, 5), method_kind="truc_tuyen")
    assert "cách thức" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        make_dossier(procedure, "HS-6", at(2015, 6, 5))
    assert "chưa có phiên bản" in str(exc.value)
    assert not Dossier.objects.exists()


def test_late_is_derived_from_completion_and_today(procedure):
    d = make_dossier(procedure, "HS-7", at(2017, 3, 6, 9))  # due Monday 13/3
    assert d.due_date == date(2017, 3, 13)
    assert not d.is_late(today=date(2017, 3, 13))
    assert d.is_late(today=date(2017, 3, 14))  # unfinished, past due
    change_status(d, 9, at=at(2017, 3, 13, 16))
    assert not d.is_late(today=date(2018, 1, 1))  # finished on the due date
    change_status(d, 10, at=at(2017, 3, 15, 9))
    assert not d.is_late(today=date(2018, 1, 1))  # finished counts, not the return
    late = make_dossier(procedure, "HS-8", at(2017, 3, 6, 9))
    change_status(late, 10, at=at(2017, 3, 14, 9))
    assert late.is_late()
    assert late.completed_delay_days == 1


def test_closed_statuses_are_never_late(procedure):
    d = make_dossier(procedure, "HS-9", at(2017, 3, 6, 9))
    change_status(d, 8, note="Dừng xử lý theo đề nghị")
    assert not d.is_late(today=date(2018, 1, 1))


def test_queryset_late_agrees_with_the_python_rule(procedure):
    today = date(2017, 3, 20)
    rows = [
        make_dossier(procedure, "Q-1", at(2017, 3, 6, 9)),  # open, past due
        make_dossier(procedure, "Q-2", at(2017, 3, 17, 9)),  # open, not due
        make_dossier(procedure, "Q-3", at(2017, 3, 6, 9), status_id=7),  # withdrawn
        make_dossier(
            procedure, "Q-4", at(2017, 3, 6, 9), status_id=10, finished_at=at(2017, 3, 10)
        ),
        make_dossier(
            procedure, "Q-5", at(2017, 3, 6, 9), status_id=10, finished_at=at(2017, 3, 16)
        ),
    ]
    expected = {d.code for d in rows if d.is_late(today)}
    assert expected == {"Q-1", "Q-5"}
    assert set(Dossier.objects.late(today).values_list("code", flat=True)) == expected
    assert set(Dossier.objects.not_late(today).values_list("code", flat=True)) == {
        "Q-2",
        "Q-3",
        "Q-4",
    }


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"finished_at": at(2017, 3, 1)}, "finished_at"),
        ({"returned_at": at(2017, 3, 1)}, "returned_at"),
        ({"finished_at": at(2017, 3, 9), "returned_at": at(2017, 3, 8)}, "returned_at"),
    ],
)
def test_dates_out_of_order_are_rejected_and_nothing_is_written(procedure, fields, field):
    with pytest.raises(ValidationError) as exc:
        make_dossier(procedure, "HS-10", at(2017, 3, 6, 9), status_id=10, **fields)
    assert field in exc.value.message_dict
    assert not Dossier.objects.filter(code="HS-10").exists()


def test_duplicate_code_is_rejected(procedure):
    make_dossier(procedure, "HS-11")
    with pytest.raises(ValidationError) as exc:
        make_dossier(procedure, "HS-11")
    assert "code" in exc.value.message_dict
    assert Dossier.objects.filter(code="HS-11").count() == 1


def test_status_history_records_who_when_from_to(procedure):
    officer = staff("mot_cua", procedure.handling_unit)
    d = make_dossier(procedure, "HS-12", user=officer)
    change_status(d, 4, user=officer, note="Chuyển phòng chuyên môn")
    change_status(d, 9, user=officer)
    history = list(d.status_changes.values_list("from_status", "to_status", "changed_by", "note"))
    assert history == [
        (None, 2, officer.pk, ""),
        (2, 4, officer.pk, "Chuyển phòng chuyên môn"),
        (4, 9, officer.pk, ""),
    ]
    d.refresh_from_db()
    assert d.finished_at is not None


def test_extension_moves_the_due_date_with_a_recorded_reason(procedure):
    d = make_dossier(procedure, "HS-13", at(2017, 3, 6, 9))
    with pytest.raises(ValidationError):
        extend_due_date(d, date(2017, 3, 20), "  ")
    extend_due_date(d, date(2017, 3, 20), "Chờ bổ sung giấy tờ")
    d.refresh_from_db()
    assert (d.due_date, d.appointment_date) == (date(2017, 3, 20), date(2017, 3, 20))
    change = AppointmentChange.objects.get(dossier=d)
    assert (change.kind, change.old_date, change.reason) == (
        "gia_han",
        date(2017, 3, 13),
        "Chờ bổ sung giấy tờ",
    )
    assert not d.is_late(today=date(2017, 3, 20))
