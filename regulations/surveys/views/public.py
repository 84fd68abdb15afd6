"""Public survey pages: the form, the thank-you page, the QR codes and the poster."""

from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET

from cms.inputs import has_control_chars
from regulations.procedures.models import Procedure

from ..forms import SurveyForm
from ..models import SurveyMethod
from ..services import poster, qr
from ..services.ratelimit import allow, survey_limit
from ..services.submission import submit_response


def _initial(request):
    initial = {}
    code = (request.GET.get("ho_so") or "").strip()[:50]
    if code:
        initial["dossier_code"] = code
    procedure_code = (request.GET.get("thu_tuc") or "").strip()
    if procedure_code and not has_control_chars(procedure_code):
        procedure = Procedure.objects.filter(live=True, code=procedure_code).first()
        if procedure is not None:
            initial["procedure"] = procedure.pk
    return initial


@never_cache
@csrf_protect
def survey_form(request):
    """Phiếu khảo sát sự hài lòng: GET shows it, POST saves it (one transaction)."""
    method = SurveyMethod.objects.current()
    if method is None:
        return render(request, "surveys/unavailable.html", status=503)
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, method=method)
        limit, window = survey_limit()
        if not allow(request, "survey", limit, window):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Bạn đã gửi quá nhiều phiếu trong thời gian ngắn; "
                    "xin thử lại sau %(minutes)s phút."
                )
                % {"minutes": window // 60},
            )
            status = 429
        elif form.is_spam:
            return redirect("surveys:thanks")
        elif form.is_valid():
            try:
                submit_response(
                    method=method,
                    answers=form.answers(),
                    dossier_code=form.cleaned_data["dossier_code"],
                    procedure=form.cleaned_data["procedure"],
                    unit=form.cleaned_data["unit"],
                    comments=form.cleaned_data["comments"],
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    target = None if field == "__all__" or field not in form.fields else field
                    for message in messages:
                        form.add_error(target, message)
                status = 400
            else:
                return redirect("surveys:thanks")
        else:
            status = 400
    else:
        form = SurveyForm(initial=_initial(request), method=method)
    return render(request, "surveys/form.html", {"form": form, "method": method}, status=status)


@require_GET
def thanks(request):
    return render(request, "surveys/thanks.html")


def survey_url(request, procedure_code: str = "") -> str:
    url = request.build_absolute_uri(reverse("surveys:form"))
    if procedure_code:
        url += "?" + qr.query({"thu_tuc": procedure_code})
    return url


def _procedure_code(request) -> str:
    code = (request.GET.get("thu_tuc") or "").strip()
    if has_control_chars(code):
        raise SuspiciousOperation("thu_tuc: ký tự điều khiển")
    if code and not Procedure.objects.filter(code=code).exists():
        raise Http404(_("Không có thủ tục mã %(code)s.") % {"code": code})
    return code


@require_GET
def qr_svg(request):
    """Mã QR (SVG) of the survey's address, optionally for one procedure (?thu_tuc=)."""
    data = qr.svg(survey_url(request, _procedure_code(request)))
    response = HttpResponse(data, content_type="image/svg+xml")
    response["Content-Disposition"] = 'inline; filename="khao-sat-ma-qr.svg"'
    return response


@require_GET
def qr_png(request):
    data = qr.png(survey_url(request, _procedure_code(request)))
    response = HttpResponse(data, content_type="image/png")
    response["Content-Disposition"] = 'inline; filename="khao-sat-ma-qr.png"'
    return response


@require_GET
def commitments_poster(request, size):
    """Áp phích 10 cam kết phục vụ (.docx, A4 or A3) for the one-stop counter."""
    size = size.upper()
    if size not in poster.PAGE_SIZES:
        raise Http404
    data = poster.build_poster(request, size, survey_url(request))
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="cam-ket-phuc-vu-{size}.docx"'
    return response
