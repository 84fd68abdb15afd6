"""The review-proposal page: what changed, then accept (a plan task) or dismiss."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import ReviewProposal
from ..proposal_forms import AcceptProposalForm, DismissProposalForm
from ..scope import may_list
from ..services.proposals import accept_proposal, can_decide, dismiss_proposal
from .common import default_plan, require


def _add_errors(form, exc):
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def proposal_detail(request, pk):
    proposal = get_object_or_404(
        ReviewProposal.objects.select_related(
            "unit", "task", "decided_by", "basis_change__procedure", "basis_change__document",
            "basis_change__legal_version__amending_document",
        ),
        pk=pk,
    )  # fmt: skip
    require(may_list(request.user, ReviewProposal) or can_decide(request.user, proposal))
    plan = default_plan()
    accept_form = AcceptProposalForm(
        initial={"plan": plan, "title": proposal.title}, prefix="accept"
    )
    dismiss_form = DismissProposalForm(prefix="dismiss")
    if request.method == "POST":
        if not can_decide(request.user, proposal):
            raise PermissionDenied
        action = request.POST.get("action")
        form = None
        try:
            if action == "accept":
                form = accept_form = AcceptProposalForm(request.POST, prefix="accept")
                if form.is_valid():
                    task = accept_proposal(
                        proposal,
                        request.user,
                        plan=form.cleaned_data["plan"],
                        deadline=form.cleaned_data["deadline"],
                        title=form.cleaned_data["title"],
                    )
                    messages.success(
                        request, _("Đã giao nhiệm vụ rà soát: %(task)s.") % {"task": task.title}
                    )
                    return redirect(reverse("planning_admin:task_detail", args=[task.pk]))
            elif action == "dismiss":
                form = dismiss_form = DismissProposalForm(request.POST, prefix="dismiss")
                if form.is_valid():
                    dismiss_proposal(proposal, request.user, form.cleaned_data["reason"])
                    messages.success(request, _("Đã đóng đề xuất: không thực hiện rà soát."))
                    return redirect(reverse("planning_admin:proposal", args=[proposal.pk]))
        except ValidationError as exc:
            if form is None or not hasattr(exc, "error_dict"):
                messages.error(request, " ".join(exc.messages))
            else:
                _add_errors(form, exc)
    return render(
        request,
        "planning/admin/proposal.html",
        {
            "proposal": proposal,
            "change": proposal.basis_change,
            "can_decide": can_decide(request.user, proposal) and proposal.is_open,
            "accept_form": accept_form,
            "dismiss_form": dismiss_form,
        },
        status=400 if request.method == "POST" else 200,
    )
