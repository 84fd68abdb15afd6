"""Nhập hồ sơ từ tệp CSV xuất từ phần mềm một cửa (one service for the command and the form).

Columns (header row required; names matched without diacritics or case; order free):

| column | required | content |
| --- | --- | --- |
| Mã hồ sơ | yes | unique dossier code (upsert key) |
| Mã thủ tục | yes | procedure code, e.g. 1.000656.000.00.00.H29 |
| Cách thức | no | Trực tiếp / Trực tuyến / Bưu chính (default Trực tiếp) |
| Người nộp | yes | applicant's name |
| Điện thoại, Email, Địa chỉ | no | applicant's contact |
| Ngày tiếp nhận | yes | dd/mm/yyyy or dd/mm/yyyy HH:MM |
| Ngày hẹn trả | no | dd/mm/yyyy; empty → computed from the procedure and the calendar |
| Đơn vị xử lý | no | unit code or name; empty → the procedure's handling unit |
| Trạng thái | yes | portal code 1..10 or its name |
| Ngày có kết quả, Ngày trả kết quả | no | dd/mm/yyyy [HH:MM] |
| Ghi chú | no | kept in the status history |

UTF-8 with or without BOM; ";" or "," delimiter (sniffed from the header). Each row is
imported in its own transaction; a bad row is reported with its line number and reasons
and nothing of it is written. Re-importing a file updates the dossiers by code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regulations.calendar.services import WorkCalendar
from regulations.organisation.models import Unit
from regulations.procedures.models import MethodKind, Procedure
from vietnamese.folding import fold

from ..models import Dossier, DossierStatus
from .appointments import ProcessingTimes
from .records import save_dossier

MAX_FILE_SIZE = 200 * 1024 * 1024

COLUMNS = {
    "code": ["ma ho so", "so ho so", "code"],
    "procedure": ["ma thu tuc", "ma tthc", "procedure", "procedure code"],
    "method": ["cach thuc", "hinh thuc nop", "method"],
    "name": ["nguoi nop", "ten nguoi nop", "chu ho so", "applicant"],
    "phone": ["dien thoai", "so dien thoai", "phone"],
    "email": ["email", "thu dien tu"],
    "address": ["dia chi", "address"],
    "received": ["ngay tiep nhan", "ngay nhan", "received"],
    "appointment": ["ngay hen tra", "ngay hen", "appointment"],
    "unit": ["don vi xu ly", "don vi", "unit"],
    "status": ["trang thai", "status"],
    "finished": ["ngay co ket qua", "ngay xu ly xong", "finished"],
    "returned": ["ngay tra ket qua", "returned"],
    "note": ["ghi chu", "note"],
}
REQUIRED = ["code", "procedure", "name", "received", "status"]
LABELS = {
    "code": "Mã hồ sơ",
    "procedure": "Mã thủ tục",
    "method": "Cách thức",
    "name": "Người nộp",
    "received": "Ngày tiếp nhận",
    "appointment": "Ngày hẹn trả",
    "unit": "Đơn vị xử lý",
    "status": "Trạng thái",
    "finished": "Ngày có kết quả",
    "returned": "Ngày trả kết quả",
    "email": "Email",
}
FIELD_TO_COLUMN = {
    "finished_at": "finished",
    "returned_at": "returned",
    "due_date": "appointment",
    "appointment_date": "appointment",
    "applicant_email": "email",
    "applicant_name": "name",
    "code": "code",
    "procedure": "procedure",
    "method_kind": "method",
    "unit": "unit",
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + len(self.errors)

    def summary(self) -> str:
        return (
            f"{self.total} dòng: {self.created} hồ sơ mới, {self.updated} cập nhật, "
            f"{self.unchanged} không đổi, {len(self.errors)} dòng lỗi"
        )


class RowError(Exception):
    pass


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RowError(
            f"Tệp không phải UTF-8 (byte lỗi ở vị trí {exc.start}); "
            "hãy xuất lại tệp dạng CSV UTF-8."
        ) from exc


def parse_datetime(text: str, column: str):
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return timezone.make_aware(value)
    raise RowError(f"{LABELS[column]}: “{text}” không đúng dạng dd/mm/yyyy [HH:MM]")


class Lookups:
    """Procedures, units, statuses and users cached for the whole file."""

    def __init__(self):
        self.procedures = {p.code: p for p in Procedure.objects.all()}
        self.units = {}
        for unit in Unit.objects.all():
            for key in (unit.code, unit.name, unit.short_name):
                if key:
                    self.units[fold(key)] = unit
        self.statuses = {}
        for status in DossierStatus.objects.all():
            self.statuses[str(status.code)] = status
            self.statuses[fold(status.name)] = status
        self.methods = {}
        for kind in MethodKind:
            self.methods[kind.value] = kind.value
            self.methods[fold(str(kind.label))] = kind.value
        self.methods["buu chinh"] = MethodKind.POST.value
        self.calendar = WorkCalendar()
        self.times = ProcessingTimes()


def _header_map(header: list[str]) -> dict[str, int]:
    mapping = {}
    for index, name in enumerate(header):
        key = fold(name).strip()
        for column, aliases in COLUMNS.items():
            if key in aliases and column not in mapping:
                mapping[column] = index
    missing = [LABELS[c] for c in REQUIRED if c not in mapping]
    if missing:
        raise RowError("Thiếu cột bắt buộc: " + ", ".join(missing))
    return mapping


def _row_values(row, mapping):
    return {c: (row[i].strip() if i < len(row) else "") for c, i in mapping.items()}


def _build(values, lookups: Lookups, user):
    problems = []
    code = values.get("code", "")
    if not code:
        problems.append("Mã hồ sơ: trống")
    elif len(code) > 50:
        problems.append("Mã hồ sơ: dài quá 50 ký tự")
    procedure = lookups.procedures.get(values.get("procedure", ""))
    if procedure is None:
        problems.append(f"Mã thủ tục: không có thủ tục “{values.get('procedure', '')}”")
    method = values.get("method", "")
    method_kind = lookups.methods.get(fold(method)) if method else MethodKind.IN_PERSON.value
    if method_kind is None:
        problems.append(f"Cách thức: “{method}” không phải Trực tiếp/Trực tuyến/Bưu chính")
    if not values.get("name"):
        problems.append("Người nộp: trống")
    status = lookups.statuses.get(fold(values.get("status", "")))
    if status is None:
        problems.append(f"Trạng thái: “{values.get('status', '')}” không phải mã 1..10")
    unit_text = values.get("unit", "")
    unit = lookups.units.get(fold(unit_text)) if unit_text else None
    if unit_text and unit is None:
        problems.append(f"Đơn vị xử lý: không có đơn vị “{unit_text}”")
    dates = {}
    for column in ("received", "appointment", "finished", "returned"):
        try:
            dates[column] = parse_datetime(values.get(column, ""), column)
        except RowError as exc:
            problems.append(str(exc))
    if "received" in dates and dates["received"] is None:
        problems.append("Ngày tiếp nhận: trống")
    if unit is None and procedure is not None and not unit_text:
        unit = procedure.handling_unit
        if unit is None:
            problems.append("Đơn vị xử lý: trống và thủ tục chưa có đơn vị giải quyết")
    if problems:
        raise RowError("; ".join(problems))
    appointment = dates["appointment"]
    return {
        "code": code,
        "procedure": procedure,
        "method_kind": method_kind,
        "applicant_name": values["name"][:255],
        "applicant_phone": values.get("phone", "")[:30],
        "applicant_email": values.get("email", "")[:254],
        "applicant_address": values.get("address", "")[:500],
        "received_at": dates["received"],
        "explicit_due": timezone.localtime(appointment).date() if appointment else None,
        "unit": unit,
        "status": status,
        "finished_at": dates["finished"],
        "returned_at": dates["returned"],
        "note": values.get("note", "")[:500],
    }


FIELDS = [
    "procedure",
    "method_kind",
    "applicant_name",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "received_at",
    "unit",
    "status",
    "finished_at",
    "returned_at",
]


def _apply(data, lookups: Lookups, user) -> str:
    """Create or update one dossier; returns "created" / "updated" / "unchanged"."""
    tracked = [*FIELDS, "due_date", "appointment_date"]
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update(of=("self",))
            .select_related("procedure", "unit", "status")
            .filter(code=data["code"])
            .first()
        )
        created = dossier is None
        if created:
            dossier = Dossier(code=data["code"])
            before = None
        else:
            before = {f: getattr(dossier, f) for f in tracked}
        for name in FIELDS:
            setattr(dossier, name, data[name])
        # Dates moved by an extension or a letter are the officers' decisions: keep them.
        if created or not dossier.appointment_changes.exists():
            if data["explicit_due"]:
                dossier.due_date = dossier.appointment_date = data["explicit_due"]
            elif created or any(
                before[f] != data[f] for f in ("procedure", "method_kind", "received_at")
            ):
                dossier.due_date = dossier.appointment_date = None
        if before is not None and before == {f: getattr(dossier, f) for f in tracked}:
            return "unchanged"
        save_dossier(dossier, user, data["note"], lookups.calendar, lookups.times)
        return "created" if created else "updated"


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        parts = []
        for field_name, messages in exc.message_dict.items():
            column = FIELD_TO_COLUMN.get(field_name)
            label = LABELS.get(column, "") if column else ""
            text = " ".join(str(m) for m in messages)
            parts.append(f"{label}: {text}" if label else text)
        return "; ".join(parts)
    return " ".join(str(m) for m in exc.messages)


def import_dossiers(data: bytes | str, user=None, progress=None) -> ImportResult:
    """Import a one-stop CSV export. `progress(done, total)` is called every 500 rows."""
    result = ImportResult()
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_SIZE:
            result.errors.append((0, "Tệp quá lớn."))
            return result
        try:
            text = decode(data)
        except RowError as exc:
            result.errors.append((0, str(exc)))
            return result
    else:
        text = data.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append((1, "Tệp trống hoặc thiếu dòng tiêu đề."))
        return result
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        mapping = _header_map(header)
    except (RowError, csv.Error) as exc:
        result.errors.append((1, str(exc)))
        return result
    lookups = Lookups()
    total = max(len(lines) - 1, 0)
    seen_codes: dict[str, int] = {}
    done = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append((reader.line_num, f"Dòng CSV hỏng: {exc}"))
            continue
        line = reader.line_num
        done += 1
        if progress and done % 500 == 0:
            progress(done, total)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            result.errors.append((line, f"Dòng có {len(row)} cột, tiêu đề có {len(header)}"))
            continue
        try:
            values = _row_values(row, mapping)
            code = values.get("code", "")
            if code in seen_codes:
                raise RowError(f"Mã hồ sơ: “{code}” trùng với dòng {seen_codes[code]} trong tệp")
            built = _build(values, lookups, user)
            outcome = _apply(built, lookups, user)
            seen_codes[code] = line
        except RowError as exc:
            result.errors.append((line, str(exc)))
            continue
        except ValidationError as exc:
            result.errors.append((line, _messages(exc)))
            continue
        setattr(result, outcome, getattr(result, outcome) + 1)
    if progress:
        progress(done, total)
    return result
