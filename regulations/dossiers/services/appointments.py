"""Ngày hẹn trả: computed from the procedure version in force at receipt."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.calendar.services import WorkCalendar

from ..models import AppointmentChange, Dossier
from ..models.dossier import AppointmentKind


class ProcessingTimes:
    """Processing days per (procedure, method) and version date; one query per procedure."""

    def __init__(self):
        self._versions: dict[int, list] = {}

    def days(self, procedure, method_kind, on_date) -> Decimal:
        versions = self._versions.get(procedure.pk)
        if versions is None:
            versions = []
            for version in procedure.versions.order_by("-effective_from").prefetch_related(
                "methods"
            ):
                methods = {m.kind: m.processing_days for m in version.methods.all()}
                versions.append((version.effective_from, methods))
            self._versions[procedure.pk] = versions
        for effective_from, methods in versions:
            if effective_from <= on_date:
                if method_kind not in methods:
                    raise ValidationError(
                        {
                            "method_kind": _(
                                "Thủ tục %(code)s không có cách thức “%(kind)s” "
                                "trong phiên bản áp dụng từ %(date)s."
                            )
                            % {
                                "code": procedure.code,
                                "kind": method_kind,
                                "date": effective_from.strftime("%d/%m/%Y"),
                            }
                        }
                    )
                return methods[method_kind]
        raise ValidationError(
            {
                "procedure": _("Thủ tục %(code)s chưa có phiên bản áp dụng vào ngày %(date)s.")
                % {"code": procedure.code, "date": on_date.strftime("%d/%m/%Y")}
            }
        )


def compute_due_date(procedure, method_kind, received_at, calendar=None, times=None):
    """Received + the processing days of the method in the version in force at receipt."""
    calendar = calendar or WorkCalendar()
    times = times or ProcessingTimes()
    received_on = timezone.localtime(received_at).date()
    days = times.days(procedure, method_kind, received_on)
    return timezone.localtime(calendar.add_working_days(received_at, days)).date()


@transaction.atomic
def extend_due_date(dossier: Dossier, new_date, reason: str, user=None) -> AppointmentChange:
    """Gia hạn: move the due date (and the appointment) with a recorded reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Phải nêu lý do gia hạn.")})
    if new_date is None or new_date <= dossier.due_date:
        raise ValidationError({"new_date": _("Ngày hẹn mới phải sau hạn giải quyết hiện tại.")})
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    change = AppointmentChange.objects.create(
        dossier=dossier,
        kind=AppointmentKind.EXTENSION,
        old_date=dossier.due_date,
        new_date=new_date,
        reason=reason,
        changed_by=user,
    )
    dossier.due_date = new_date
    dossier.appointment_date = max(dossier.appointment_date, new_date)
    dossier.save()
    return change
