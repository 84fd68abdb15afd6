"""Admin views of the one-stop counter: dashboard, dossier page, letters, import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms import ExtensionForm, ImportForm, StatusForm
from ..models import Dossier, DossierStatus
from ..permissions import (
    can_issue_letters,
    can_manage,
    can_see_personal_data,
    can_sign_letters,
    dossier_scope,
)
from ..services import dashboard as watching
from ..services.appointments import extend_due_date
from ..services.importer import import_dossiers
from ..services.records import change_status

LIST_LIMIT = 200


def _visible(request):
    qs = Dossier.objects.select_related("procedure", "unit", "status", "officer")
    return dossier_scope(request.user, qs)


def _dossier(request, pk):
    dossier = _visible(request).filter(pk=pk).first()
    if dossier is None:
        raise Http404
    return dossier


def _apply_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def dashboard(request):
    """Bảng theo dõi: late dossiers, those needing a letter, and those due soon."""
    if not request.user.has_perm("dossiers.view_dossier"):
        raise PermissionDenied
    today = timezone.localdate()
    visible = _visible(request)
    late_open = watching.late_open(visible, today).order_by("due_date")
    needing = watching.needing_letter(visible, today).order_by("appointment_date")
    due_soon = watching.due_soon(visible, today).order_by("due_date")
    context = {
        "today": today,
        "soon": watching.due_soon_until(today),
        "late_open": late_open[:LIST_LIMIT],
        "late_open_count": late_open.count(),
        "needing": needing[:LIST_LIMIT],
        "needing_count": needing.count(),
        "due_soon": due_soon[:LIST_LIMIT],
        "due_soon_count": due_soon.count(),
        "awaiting_count": watching.letters_awaiting_signoff(request.user).count(),
        "can_issue": can_issue_letters(request.user),
        "can_import": request.user.has_perm("dossiers.import_dossiers"),
    }
    return render(request, "dossiers/admin/dashboard.html", context)


def detail(request, pk):
    dossier = _dossier(request, pk)
    today = timezone.localdate()
    status_form = None
    if can_manage(request.user):
        status_form = StatusForm(
            request.POST or None,
            statuses=DossierStatus.objects.all(),
            initial={"status": dossier.status_id, "requested_papers": dossier.requested_papers},
        )
        if request.method == "POST" and status_form.is_valid():
            try:
                change_status(
                    dossier,
                    status_form.cleaned_data["status"],
                    user=request.user,
                    note=status_form.cleaned_data["note"],
                    requested_papers=status_form.cleaned_data["requested_papers"],
                )
            except ValidationError as exc:
                _apply_errors(status_form, exc)
            else:
                messages.success(request, _("Đã cập nhật trạng thái hồ sơ."))
                return redirect("dossiers_admin:detail", pk=dossier.pk)
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "dossier": dossier,
        "late": dossier.is_late(today),
        "needs_letter": dossier.needs_letter(today),
        "delay": dossier.delay_days(today),
        "letters": dossier.letters.order_by("issued_on", "number"),
        "status_changes": dossier.status_changes.select_related(
            "from_status", "to_status", "changed_by"
        ),
        "appointment_changes": dossier.appointment_changes.select_related("changed_by", "letter"),
        "personal": can_see_personal_data(request.user),
        "status_form": status_form,
        "can_manage": can_manage(request.user),
        "can_issue": can_issue_letters(request.user),
        "can_sign": can_sign_letters(request.user),
    }
    return render(request, "dossiers/admin/detail.html", context)


def extend(request, pk):
    if not can_manage(request.user):
        raise PermissionDenied
    dossier = _dossier(request, pk)
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            extend_due_date(
                dossier, form.cleaned_data["new_date"], form.cleaned_data["reason"], request.user
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã gia hạn hồ sơ."))
            return redirect("dossiers_admin:detail", pk=dossier.pk)
    return render(request, "dossiers/admin/extend.html", {"dossier": dossier, "form": form})


def upload(request):
    """Nhập CSV: the same service as `manage.py import_dossiers`."""
    if not request.user.has_perm("dossiers.import_dossiers"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_dossiers(form.cleaned_data["file"].read(), user=request.user)
        level = messages.SUCCESS if not result.errors else messages.WARNING
        messages.add_message(request, level, result.summary())
    return render(request, "dossiers/admin/import.html", {"form": form, "result": result})
