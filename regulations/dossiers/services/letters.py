"""Phiếu xin lỗi và hẹn lại ngày trả kết quả: propose, confirm (number), export .docx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.calendar.services import WorkCalendar
from regulations.organisation.models import Role, StaffProfile
from regulations.procedures.models import MethodKind

from ..models import ApologyLetter, ApologyLetterSequence, AppointmentChange, Dossier
from ..models.dossier import AppointmentKind
from ..models.status import StatusStage

REAPPOINT_DAYS = getattr(settings, "DOSSIER_REAPPOINT_DAYS", 3)

DEFAULT_REASONS = {
    4: "Hồ sơ cần thêm thời gian thẩm định, xác minh nên chưa có kết quả đúng hẹn.",
    5: "Hồ sơ phải bổ sung giấy tờ nên chưa có kết quả đúng hẹn.",
    6: "Hồ sơ đang chờ hoàn thành nghĩa vụ tài chính nên chưa có kết quả đúng hẹn.",
}
DEFAULT_REASON = "Cơ quan giải quyết chưa hoàn thành việc xử lý hồ sơ đúng thời hạn."
DONE_REASON = "Kết quả giải quyết hồ sơ được hoàn thành sau ngày hẹn trả."


@dataclass
class LetterProposal:
    reason: str
    new_appointment_date: date
    signer_name: str
    signer_title: str
    issued_on: date


def default_signer(dossier: Dossier) -> tuple[str, str]:
    """The head of the handling unit, else a member of the leadership, else blank."""
    for role, unit_filter in ((Role.UNIT_HEAD, {"unit": dossier.unit}), (Role.LEADERSHIP, {})):
        profile = (
            StaffProfile.objects.filter(role=role, **unit_filter)
            .select_related("user", "unit")
            .order_by("pk")
            .first()
        )
        if profile:
            name = profile.user.get_full_name() or profile.user.get_username()
            title = profile.position or f"{Role(role).label} {profile.unit.name}"
            return name, title
    return "", _("Trưởng đơn vị")


def propose_letter(dossier: Dossier, today: date | None = None, calendar=None) -> LetterProposal:
    """Pre-fill a letter from the dossier: a reason from its status and a new date
    REAPPOINT_DAYS working days after today (or after the current appointment if that
    is later); a dossier already finished is re-appointed to the day its result was ready."""
    today = today or timezone.localdate()
    calendar = calendar or WorkCalendar()
    if dossier.completed_on is not None:
        reason = DONE_REASON
        new_date = max(dossier.completed_on, dossier.appointment_date)
    else:
        reason = DEFAULT_REASONS.get(dossier.status_id, DEFAULT_REASON)
        start = max(today, dossier.appointment_date)
        moment = calendar.add_working_days(start, REAPPOINT_DAYS)
        new_date = timezone.localtime(moment).date()
    name, title = default_signer(dossier)
    return LetterProposal(reason, new_date, name, title, today)


def _next_number(year: int) -> int:
    ApologyLetterSequence.objects.get_or_create(year=year)
    sequence = ApologyLetterSequence.objects.select_for_update().get(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


@transaction.atomic
def confirm_letter(
    dossier: Dossier,
    user,
    reason: str,
    new_appointment_date: date,
    signer_name: str,
    signer_title: str,
    issued_on: date | None = None,
    notify: bool = True,
) -> ApologyLetter:
    """Issue the letter: number it, record who and when, move the appointment (history).
    An online dossier's applicant with an e-mail address gets it by e-mail after commit."""
    issued_on = issued_on or timezone.localdate()
    dossier = Dossier.objects.select_for_update().select_related("status").get(pk=dossier.pk)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("Phải nêu lý do chậm trả kết quả.")
    if not (signer_name or "").strip():
        errors["signer_name"] = _("Phải có người ký phiếu.")
    if not (signer_title or "").strip():
        errors["signer_title"] = _("Phải có chức vụ người ký.")
    if dossier.status.stage in (StatusStage.PENDING, StatusStage.CLOSED):
        errors["__all__"] = _("Hồ sơ ở trạng thái “%(status)s” không cần phiếu xin lỗi.") % {
            "status": dossier.status.name
        }
    if new_appointment_date is None:
        errors["new_appointment_date"] = _("Phải có ngày hẹn trả mới.")
    elif dossier.completed_on is None and new_appointment_date <= max(
        dossier.appointment_date, issued_on
    ):
        errors["new_appointment_date"] = _(
            "Ngày hẹn trả mới phải sau ngày hẹn hiện tại (%(date)s) và sau ngày lập phiếu."
        ) % {"date": dossier.appointment_date.strftime("%d/%m/%Y")}
    elif new_appointment_date < dossier.appointment_date:
        errors["new_appointment_date"] = _("Ngày hẹn trả mới không thể trước ngày hẹn hiện tại.")
    if errors:
        raise ValidationError(errors)

    letter = ApologyLetter.objects.create(
        dossier=dossier,
        year=issued_on.year,
        number=_next_number(issued_on.year),
        issued_on=issued_on,
        reason=reason.strip(),
        original_appointment_date=dossier.appointment_date,
        new_appointment_date=new_appointment_date,
        addressee_name=dossier.applicant_name,
        addressee_address=dossier.applicant_address,
        addressee_phone=dossier.applicant_phone,
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        created_by=user,
    )
    AppointmentChange.objects.create(
        dossier=dossier,
        kind=AppointmentKind.APOLOGY,
        old_date=dossier.appointment_date,
        new_date=new_appointment_date,
        reason=letter.reason,
        letter=letter,
        changed_by=user,
    )
    dossier.appointment_date = new_appointment_date
    dossier.letters_count = dossier.letters.count()
    dossier.save()
    if notify and dossier.method_kind == MethodKind.ONLINE and dossier.applicant_email:
        from ..tasks import email_letter

        transaction.on_commit(lambda: email_letter.enqueue(letter.pk))
    return letter
