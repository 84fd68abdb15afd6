"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả: what the printed receipt says.

The appointment is the dossier's (computed at receipt with the working-day calendar,
regulations/calendar); the QR code (the survey module's QR service) leads to the public
lookup page with the code filled in, where the applicant adds the last 4 phone digits.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from regulations.calendar.services import WorkCalendar
from regulations.surveys.services import qr

from ..models import Dossier
from .appointments import ProcessingTimes
from .letter_docx import issuer_names
from .signers import full_name


def lookup_url(request, dossier: Dossier) -> str:
    return (
        request.build_absolute_uri(reverse("dossiers:lookup"))
        + "?"
        + urlencode({"ma": dossier.code})
    )


def _processing_days(dossier: Dossier):
    received_on = timezone.localtime(dossier.received_at).date()
    try:
        days = ProcessingTimes().days(dossier.procedure, dossier.method_kind, received_on)
    except ValidationError:
        return None
    return int(days) if days == int(days) else days


def _appointment_moment(dossier: Dossier):
    """The moment the processing time ends, when the appointment was not moved since."""
    days = _processing_days(dossier)
    if days is None:
        return None
    moment = timezone.localtime(WorkCalendar().add_working_days(dossier.received_at, days))
    return moment if moment.date() == dossier.appointment_date else None


def _components(dossier: Dossier):
    received_on = timezone.localtime(dossier.received_at).date()
    version = (
        dossier.procedure.versions.filter(effective_from__lte=received_on)
        .order_by("-effective_from")
        .first()
    )
    return list(version.components.all()) if version else []


def _receiver(dossier: Dossier):
    """Who received the dossier: the author of its first status (the registration)."""
    first = dossier.status_changes.select_related("changed_by").order_by("changed_at", "pk")
    first = first.first()
    return first.changed_by if first and first.changed_by_id else None


def receipt_context(request, dossier: Dossier) -> dict:
    parent, issuer = issuer_names()
    url = lookup_url(request, dossier)
    received = timezone.localtime(dossier.received_at)
    return {
        "dossier": dossier,
        "parent_name": parent,
        "issuer_name": issuer,
        "place": getattr(settings, "DOSSIER_LETTER_PLACE", "Hà Nội"),
        "received": received,
        "processing_days": _processing_days(dossier),
        "appointment_moment": _appointment_moment(dossier),
        "components": _components(dossier),
        "officer_name": full_name(_receiver(dossier) or request.user),
        "lookup_url": url,
        "qr_svg": qr.inline_svg(url, f"Mã QR tra cứu hồ sơ {dossier.code}"),
    }
