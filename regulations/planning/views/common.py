"""Helpers shared by the planning admin views."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Plan
from ..permissions import profile_of


def require(condition):
    if not condition:
        raise PermissionDenied


def user_unit(user):
    profile = profile_of(user)
    return profile.unit if profile else None


def default_plan():
    return Plan.objects.select_related("document").order_by("-document__issued_date").first()


def plan_from(request, form=None):
    if form is not None and form.is_valid() and form.cleaned_data.get("plan"):
        return form.cleaned_data["plan"]
    pk = request.GET.get("plan")
    if pk and pk.isdigit():
        return get_object_or_404(Plan.objects.select_related("document"), pk=pk)
    return default_plan()


def plan_filter_form(request, form_class):
    """The filter form and the plan shown, with the form's plan dropdown on that plan.

    Without ?plan= the views show the latest plan; the dropdown then says so too
    (it showed "---------" above the table of 572/KH-STTTT).
    """
    data = request.GET.copy() if request.GET else None
    form = form_class(data)
    plan = plan_from(request, form)
    if plan is not None and not (data or {}).get("plan"):
        if data is None:
            form = form_class(initial={"plan": plan.pk})
        else:
            data["plan"] = str(plan.pk)
            form = form_class(data)
    return form, plan


def today():
    return timezone.localdate()
