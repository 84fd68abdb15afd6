"""CSV import: good rows, malformed rows with line numbers, re-import, BOM and ';'."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from regulations.dossiers.models import Dossier, DossierStatusChange
from regulations.dossiers.services.importer import import_dossiers

from .factories import make_procedure

pytestmark = pytest.mark.django_db

HEADER = (
    "Mã hồ sơ,Mã thủ tục,Cách thức,Người nộp,Điện thoại,Email,Địa chỉ,Ngày tiếp nhận,"
    "Ngày hẹn trả,Đơn vị xử lý,Trạng thái,Ngày có kết quả,Ngày trả kết quả,Ghi chú"
)
GOOD = [
    "HS-A1,1.000001.000.00.00.H29,Trực tiếp,Nguyễn Văn An,0912345678,,Số 1 Kim Mã,"
    "06/03/2017 09:00,,,10,09/03/2017 10:00,10/03/2017 15:00,",
    "HS-A2,1.000001.000.00.00.H29,Trực tuyến,Trần Thị Bình,0987654321,b@example.vn,,"
    "06/03/2017 14:30,,,4,,,",
    'HS-A3,1.000001.000.00.00.H29,,"Công ty CP Viễn thông, Hà Thành",,,,07/03/2017,'
    "20/03/2017,,Đã trả kết quả,16/03/2017,16/03/2017,có ngày hẹn riêng",
]


@pytest.fixture
def procedure():
    return make_procedure()


def csv_bytes(rows, header=HEADER, delimiter=",", bom=False):
    text = "\n".join([header, *rows]) + "\n"
    if delimiter != ",":
        text = text.replace(",", delimiter)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_good_rows_are_imported_with_computed_appointments(procedure):
    result = import_dossiers(csv_bytes(GOOD))
    assert (result.created, result.updated, result.errors) == (3, 0, [])
    a1 = Dossier.objects.get(code="HS-A1")
    assert a1.due_date == date(2017, 3, 9)  # 3 days from Monday 09:00 → Thursday noon
    assert a1.unit == procedure.handling_unit
    assert a1.status_id == 10 and a1.returned_at is not None and not a1.is_late()
    a2 = Dossier.objects.get(code="HS-A2")
    assert a2.method_kind == "truc_tuyen" and a2.due_date == date(2017, 3, 9)
    a3 = Dossier.objects.get(code="HS-A3")
    assert a3.applicant_name == "Công ty CP Viễn thông, Hà Thành"
    assert a3.due_date == date(2017, 3, 20)  # the export's own appointment date is kept
    assert DossierStatusChange.objects.filter(dossier=a3, to_status=10).exists()


def test_reimporting_the_same_file_creates_no_duplicates(procedure):
    data = csv_bytes(GOOD)
    import_dossiers(data)
    again = import_dossiers(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Dossier.objects.count() == 3
    assert DossierStatusChange.objects.count() == 3


def test_reimport_with_a_new_status_updates_and_records_history(procedure):
    import_dossiers(csv_bytes(GOOD))
    changed = GOOD[1].replace(",4,,,", ",9,08/03/2017 16:00,,")
    result = import_dossiers(csv_bytes([changed]))
    assert (result.created, result.updated) == (0, 1)
    a2 = Dossier.objects.get(code="HS-A2")
    assert a2.status_id == 9 and a2.completed_on == date(2017, 3, 8)
    assert list(a2.status_changes.values_list("from_status", "to_status")) == [(None, 4), (4, 9)]


def test_bom_and_semicolons_are_accepted(procedure):
    rows = [r.replace(",", ";") for r in GOOD[:2]]
    result = import_dossiers(csv_bytes(rows, header=HEADER.replace(",", ";"), bom=True))
    assert (result.created, result.errors) == (2, [])
    assert Dossier.objects.get(code="HS-A1").applicant_name == "Nguyễn Văn An"


def test_malformed_rows_are_reported_with_line_numbers_and_valid_rows_import(procedure):
    rows = [
        GOOD[0],  # line 2 ok
        GOOD[1].replace("1.000001.000.00.00.H29", "9.999999"),  # line 3 unknown procedure
        GOOD[2].replace("HS-A3", "HS-B1").replace("07/03/2017", "2017-03-07"),  # 4 bad date
        GOOD[1].replace("HS-A2", "HS-B2").replace(",4,,,", ",99,,,"),  # 5 unknown status
        GOOD[0].replace("HS-A1", "HS-B3").replace("09/03/2017 10:00", "01/03/2017"),  # 6 order
        GOOD[0],  # line 7 duplicate code within the file
        GOOD[1].replace("HS-A2", "HS-B4").replace("Trần Thị Bình", ""),  # 8 no applicant
        GOOD[1].replace("HS-A2", "HS-B5"),  # line 9 ok
    ]
    result = import_dossiers(csv_bytes(rows))
    errors = dict(result.errors)
    assert sorted(errors) == [3, 4, 5, 6, 7, 8]
    assert "Mã thủ tục" in errors[3] and "9.999999" in errors[3]
    assert "Ngày tiếp nhận" in errors[4] and "dd/mm/yyyy" in errors[4]
    assert "Trạng thái" in errors[5]
    assert "Ngày có kết quả" in errors[6] and "trước ngày tiếp nhận" in errors[6]
    assert "trùng" in errors[7] and "dòng 2" in errors[7]
    assert "Người nộp" in errors[8]
    assert result.created == 2
    assert set(Dossier.objects.values_list("code", flat=True)) == {"HS-A1", "HS-B5"}


def test_a_row_that_fails_writes_nothing(procedure):
    # Known procedure but no online method in force: the row fails after lookups.
    other = make_procedure(
        "1.000002.000.00.00.H29", versions={date(2016, 1, 1): {"truc_tiep": "2"}}
    )
    row = GOOD[1].replace("1.000001.000.00.00.H29", other.code)
    result = import_dossiers(csv_bytes([row]))
    assert result.created == 0 and result.errors[0][0] == 2
    assert "Cách thức" in result.errors[0][1]
    assert not Dossier.objects.exists() and not DossierStatusChange.objects.exists()


def test_missing_columns_and_non_utf8_files_are_rejected(procedure):
    result = import_dossiers(csv_bytes(GOOD, header="Mã hồ sơ,Tên"))
    assert result.errors[0][0] == 1 and "Thiếu cột bắt buộc" in result.errors[0][1]
    result = import_dossiers("Mã hồ sơ;Người nộp\nx;Nguyễn".encode("cp1258", errors="replace"))
    assert result.errors and "UTF-8" in result.errors[0][1]
    assert not Dossier.objects.exists()


def test_management_command_prints_progress_and_summary(procedure, tmp_path):
    path = tmp_path / "hoso.csv"
    path.write_bytes(csv_bytes(GOOD))
    out, err = StringIO(), StringIO()
    call_command("import_dossiers", str(path), stdout=out, stderr=err)
    assert "3 hồ sơ mới" in out.getvalue() and "3/3 dòng" in out.getvalue()
    call_command("import_dossiers", str(path), stdout=out, stderr=err)
    assert Dossier.objects.count() == 3
