"""Admin views of apology letters: the officer drafts and submits, the leadership signs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regulations.wordio.blocks import document_response

from ..forms import LetterForm, LetterReviewForm
from ..models import ApologyLetter
from ..permissions import can_issue_letters, can_sign_letters
from ..services.dashboard import letters_awaiting_signoff
from ..services.letter_docx import letter_document, letter_filename
from ..services.letters import draft_letter, propose_letter, return_letter, sign_letter
from ..services.letters import submit_letter as submit
from .admin import _apply_errors, _dossier


def _letter(request, pk):
    letter = get_object_or_404(ApologyLetter.objects.select_related("dossier"), pk=pk)
    _dossier(request, letter.dossier_id)  # scope check (404 outside the user's units)
    return letter


def letter(request, pk):
    """Propose a letter pre-filled from the dossier (GET); the officer saves it as a draft
    or submits it to the leadership for sign-off (POST). Nothing is numbered yet."""
    if not can_issue_letters(request.user):
        raise PermissionDenied
    dossier = _dossier(request, pk)
    proposal = propose_letter(dossier)
    form = LetterForm(
        request.POST or None,
        initial={
            "reason": proposal.reason,
            "new_appointment_date": proposal.new_appointment_date,
            "signer_name": proposal.signer_name,
            "signer_title": proposal.signer_title,
            "issued_on": proposal.issued_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        submit_now = request.POST.get("action") != "draft"
        try:
            draft_letter(dossier, request.user, **form.cleaned_data, submit=submit_now)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            if submit_now:
                messages.success(request, _("Đã trình lãnh đạo ký phiếu xin lỗi."))
            else:
                messages.success(request, _("Đã lưu dự thảo phiếu xin lỗi."))
            return redirect("dossiers_admin:detail", pk=dossier.pk)
    return render(
        request,
        "dossiers/admin/letter.html",
        {"dossier": dossier, "form": form, "previous": dossier.letters.count()},
    )


@require_POST
def letter_submit(request, pk):
    if not can_issue_letters(request.user):
        raise PermissionDenied
    item = _letter(request, pk)
    try:
        submit(item, request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã trình lãnh đạo ký phiếu xin lỗi."))
    return redirect("dossiers_admin:detail", pk=item.dossier_id)


def letter_review(request, pk):
    """Leadership sign-off: sign (number, move the appointment, send) or return."""
    if not can_sign_letters(request.user):
        raise PermissionDenied
    item = _letter(request, pk)
    form = LetterReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "return":
                return_letter(item, request.user, form.cleaned_data["note"])
                messages.success(request, _("Đã trả lại phiếu cho cán bộ một cửa."))
            else:
                signed = sign_letter(item, request.user)
                messages.success(
                    request,
                    _("Đã ký phiếu xin lỗi số %(number)s; ngày hẹn trả mới %(date)s.")
                    % {
                        "number": signed.number_symbol,
                        "date": signed.new_appointment_date.strftime("%d/%m/%Y"),
                    },
                )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return redirect("dossiers_admin:letters_pending")
    return render(request, "dossiers/admin/letter_review.html", {"letter": item, "form": form})


def letters_pending(request):
    """Phiếu chờ ký: the leadership's queue (the officer sees what is waiting too)."""
    if not (can_sign_letters(request.user) or can_issue_letters(request.user)):
        raise PermissionDenied
    return render(
        request,
        "dossiers/admin/letters_pending.html",
        {
            "letters": letters_awaiting_signoff(request.user),
            "can_sign": can_sign_letters(request.user),
        },
    )


def letter_docx(request, pk):
    item = _letter(request, pk)
    if not request.user.has_perm("dossiers.view_apologyletter"):
        raise PermissionDenied
    return document_response(letter_document(item), letter_filename(item))
