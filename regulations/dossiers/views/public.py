"""Tra cứu hồ sơ (public): code + the last 4 digits of the applicant's phone.

An unknown code and wrong digits take the same path and give the same answer: the
dossier row is fetched (or a placeholder used), the digits are compared in constant
time, and one template renders "not found". Attempts are limited per client address.
"""

import hmac
from urllib.parse import urlencode

from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..forms import LookupForm
from ..models import Dossier, LetterState
from ..models.status import StatusStage

RATE_LIMIT = 10  # attempts
RATE_WINDOW = 600  # seconds
PLACEHOLDER_DIGITS = "\x00\x00\x00\x00"  # never equal to 4 typed digits


def client_key(request) -> str:
    return f"dossier-lookup:{request.META.get('REMOTE_ADDR', 'unknown')}"


def over_limit(request) -> bool:
    key = client_key(request)
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > RATE_LIMIT


def find(code: str, digits: str):
    """The dossier when code and digits match, else None, by one code path."""
    dossier = (
        Dossier.objects.select_related("procedure", "status")
        .only(
            "code",
            "applicant_phone",
            "appointment_date",
            "received_at",
            "procedure__name",
            "procedure__code",
            "status__name",
            "status__stage",
            "requested_papers",
        )
        .filter(code=code)
        .first()
    )
    stored = dossier.phone_digits[-4:] if dossier is not None else PLACEHOLDER_DIGITS
    if len(stored) != 4:
        stored = PLACEHOLDER_DIGITS
    matches = hmac.compare_digest(stored.encode(), digits.encode())
    return dossier if (matches and dossier is not None) else None


def lookup_result(dossier) -> dict:
    """What the applicant sees: no personal data; the papers to add while the file waits
    for them; the signed letters; the survey of this dossier."""
    waiting = dossier.status.stage == StatusStage.PAUSED
    return {
        "code": dossier.code,
        "procedure": dossier.procedure.name,
        "status": dossier.status.name,
        "received_on": dossier.received_at,
        "appointment_date": dossier.appointment_date,
        "waiting_for_papers": waiting,
        "requested_papers": dossier.papers_list if waiting else [],
        "letters": list(
            dossier.letters.filter(state=LetterState.SIGNED)
            .order_by("issued_on", "number")
            .values("number", "symbol", "issued_on", "new_appointment_date")
        ),
        "survey_url": reverse("surveys:form") + "?" + urlencode({"ho_so": dossier.code}),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    initial = {"code": (request.GET.get("ma") or "").strip()[:50]}  # from the receipt's QR
    form = LookupForm(request.POST or None, initial=initial)
    context = {"form": form, "result": None, "not_found": False, "limited": False}
    status = 200
    if request.method == "POST":
        if over_limit(request):
            context["limited"] = True
            status = 429
        elif form.is_valid():
            dossier = find(form.cleaned_data["code"], form.cleaned_data["phone_last4"])
            if dossier is None:
                context["not_found"] = True
            else:
                context["result"] = lookup_result(dossier)
    context["page_title"] = _("Tra cứu hồ sơ")
    return render(request, "dossiers/lookup.html", context, status=status)
