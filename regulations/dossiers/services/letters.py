"""Phiếu xin lỗi và hẹn lại ngày trả kết quả: propose, draft, sign off, export .docx.

The one-stop officer drafts the letter (dự thảo) and submits it (chờ lãnh đạo ký); only
the leadership (`dossiers.sign_apologyletter`) signs it. Signing numbers the letter, moves
the appointment and sends it to an online applicant; the leader may instead return it to
the officer with a note. `confirm_letter` drafts and signs in one step for letters signed
outside the system (demo data, imports).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.calendar.services import WorkCalendar
from regulations.organisation.models import Role, StaffProfile
from regulations.procedures.models import MethodKind

from ..jobs import email_letter
from ..models import ApologyLetter, ApologyLetterSequence, AppointmentChange, Dossier
from ..models.dossier import AppointmentKind
from ..models.letter import LetterState
from ..models.status import StatusStage
from .signers import full_name, leadership_signer

REAPPOINT_DAYS = getattr(settings, "DOSSIER_REAPPOINT_DAYS", 3)
SIGN_PERMISSION = "dossiers.sign_apologyletter"

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
    """The letter is the department's: a member of the leadership (the director first,
    else a deputy), else the head of the handling unit, else blank."""
    leader = leadership_signer()
    if leader:
        return leader
    profile = (
        StaffProfile.objects.filter(role=Role.UNIT_HEAD, unit=dossier.unit)
        .select_related("user", "unit")
        .order_by("pk")
        .first()
    )
    if profile:
        title = profile.position or f"{Role(profile.role).label} {profile.unit.name}"
        return full_name(profile.user), title
    return "", _("Giám đốc")


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


def _check(dossier, reason, new_appointment_date, signer_name, signer_title, issued_on):
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


def _locked(dossier_pk) -> Dossier:
    return Dossier.objects.select_for_update().select_related("status").get(pk=dossier_pk)


@transaction.atomic
def draft_letter(
    dossier: Dossier,
    user,
    reason: str,
    new_appointment_date: date,
    signer_name: str,
    signer_title: str,
    issued_on: date | None = None,
    submit: bool = True,
) -> ApologyLetter:
    """The officer's draft (submit=True: straight to the leadership for sign-off).
    Nothing moves until it is signed; one unsigned letter per dossier at a time."""
    issued_on = issued_on or timezone.localdate()
    dossier = _locked(dossier.pk)
    _check(dossier, reason, new_appointment_date, signer_name, signer_title, issued_on)
    if dossier.letters.exclude(state=LetterState.SIGNED).exists():
        raise ValidationError(
            _("Hồ sơ đã có một phiếu xin lỗi đang soạn hoặc chờ ký; hãy hoàn tất phiếu đó.")
        )
    return ApologyLetter.objects.create(
        dossier=dossier,
        year=issued_on.year,
        number=None,
        state=LetterState.AWAITING if submit else LetterState.DRAFT,
        submitted_at=timezone.now() if submit else None,
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


def submit_letter(letter: ApologyLetter, user=None) -> ApologyLetter:
    if letter.state != LetterState.DRAFT:
        raise ValidationError(_("Chỉ trình ký được phiếu đang là dự thảo."))
    letter.state = LetterState.AWAITING
    letter.submitted_at = timezone.now()
    letter.return_note = ""
    letter.save(update_fields=["state", "submitted_at", "return_note"])
    return letter


def return_letter(letter: ApologyLetter, user, note: str = "") -> ApologyLetter:
    """The leader sends the draft back to the officer, with a note."""
    if user is not None and not user.has_perm(SIGN_PERMISSION):
        raise PermissionDenied
    if letter.state != LetterState.AWAITING:
        raise ValidationError(_("Phiếu không ở trạng thái chờ ký."))
    letter.state = LetterState.DRAFT
    letter.return_note = (note or "").strip()[:500]
    letter.save(update_fields=["state", "return_note"])
    return letter


def sign_letter(
    letter: ApologyLetter, user, signed_on: date | None = None, notify: bool = True
) -> ApologyLetter:
    """Leadership sign-off: the signer is the signing leader (full name and position),
    the letter is numbered and dated, the appointment moves, the applicant is told."""
    if not user.has_perm(SIGN_PERMISSION):
        raise PermissionDenied
    return _issue(letter, actor=user, signer=user, signed_on=signed_on, notify=notify)


@transaction.atomic
def _issue(letter, actor, signer=None, signed_on=None, notify=True) -> ApologyLetter:
    letter = ApologyLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.state != LetterState.AWAITING:
        raise ValidationError(_("Phiếu không ở trạng thái chờ ký."))
    signed_on = signed_on or timezone.localdate()
    dossier = _locked(letter.dossier_id)
    if signer is not None:
        profile = StaffProfile.objects.filter(user=signer).first()
        letter.signer_name = full_name(signer)
        if profile and profile.position:
            letter.signer_title = profile.position
    _check(
        dossier,
        letter.reason,
        letter.new_appointment_date,
        letter.signer_name,
        letter.signer_title,
        signed_on,
    )
    letter.state = LetterState.SIGNED
    letter.issued_on = signed_on
    letter.year = signed_on.year
    letter.number = _next_number(signed_on.year)
    letter.original_appointment_date = dossier.appointment_date
    letter.signed_by = signer
    letter.signed_at = timezone.now()
    letter.save()
    AppointmentChange.objects.create(
        dossier=dossier,
        kind=AppointmentKind.APOLOGY,
        old_date=dossier.appointment_date,
        new_date=letter.new_appointment_date,
        reason=letter.reason,
        letter=letter,
        changed_by=actor,
    )
    dossier.appointment_date = letter.new_appointment_date
    dossier.letters_count = dossier.letters.filter(state=LetterState.SIGNED).count()
    dossier.save()
    if notify and dossier.method_kind == MethodKind.ONLINE and dossier.applicant_email:
        transaction.on_commit(lambda: email_letter.enqueue(letter.pk))
    return letter


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
    """A letter already signed on paper by `signer_name` (demo data, imports): drafted and
    signed in one step, the signer kept as given. The admin never calls this."""
    issued_on = issued_on or timezone.localdate()
    letter = draft_letter(
        dossier, user, reason, new_appointment_date, signer_name, signer_title, issued_on
    )
    return _issue(letter, actor=user, signer=None, signed_on=issued_on, notify=notify)
