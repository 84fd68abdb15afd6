"""Public feedback pages: the form with the list of answered messages, thank-you page."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET

from regulations.surveys.services.ratelimit import allow, survey_limit

from ..forms import FeedbackForm
from ..models import Feedback
from ..services.handling import submit_feedback

PER_PAGE = 10


def public_list(request):
    queryset = Feedback.objects.public().select_related("unit", "procedure")
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("trang"))


@never_cache
@csrf_protect
def feedback_form(request):
    """Phản ánh, kiến nghị: send one (POST) and read the answers given (public list)."""
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        limit, window = survey_limit()
        if not allow(request, "feedback", limit, window):
            form.is_valid()
            form.add_error(
                None,
                _("Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn; xin thử lại sau %(m)s phút.")
                % {"m": window // 60},
            )
            status = 429
        elif form.is_spam:
            return redirect("feedback:thanks")
        elif form.is_valid():
            data = form.cleaned_data
            try:
                feedback = submit_feedback(
                    subject=data["subject"],
                    message=data["message"],
                    unit=data["unit"],
                    procedure=data["procedure"],
                    name=data["name"],
                    contact=data["contact"],
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        form.add_error(field if field in form.fields else None, message)
                status = 400
            else:
                request.session["feedback_reference"] = feedback.reference
                return redirect("feedback:thanks")
        else:
            status = 400
    else:
        form = FeedbackForm()
    return render(
        request,
        "feedback/form.html",
        {"form": form, "page_obj": public_list(request)},
        status=status,
    )


@require_GET
def thanks(request):
    reference = request.session.pop("feedback_reference", None)
    feedback = Feedback.objects.filter(reference=reference).first() if reference else None
    return render(request, "feedback/thanks.html", {"feedback": feedback})


@require_GET
def detail(request, reference):
    feedback = get_object_or_404(Feedback.objects.public(), reference=reference)
    return render(request, "feedback/detail.html", {"feedback": feedback})
