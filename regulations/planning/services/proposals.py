"""Đề xuất nhiệm vụ rà soát: proposing a review to the unit handling a procedure whose
legal basis changed, and the person's decision (accept: a plan task; dismiss: a reason).

Only staff of the proposed unit (unit head, specialist) or a legal officer decide.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.organisation.models import Role
from regulations.procedures.services.affected import resolve

from ..choices import TargetKind
from ..models import PlanTask, PlanTaskTarget, ProposalStatus, ReviewProposal
from ..permissions import is_superuser, role_of, unit_id_of
from .tasks import save_task

UNIT_ROLES = {Role.UNIT_HEAD, Role.UNIT_STAFF}


def propose_review(change) -> ReviewProposal:
    """The proposal for a flag (one per flag: a second call returns the same one)."""
    procedure = change.procedure
    cited = change.changes_label()
    title = _("Rà soát thủ tục %(code)s – %(name)s do căn cứ pháp lý thay đổi") % {
        "code": procedure.code,
        "name": procedure.name,
    }
    amending = change.legal_version.amending_document
    description = _(
        "%(doc)s có phiên bản mới từ ngày %(date)s%(by)s, thay đổi: %(cited)s. Rà soát thủ tục "
        "và đề xuất sửa đổi, bổ sung nếu cần."
    ) % {
        "doc": change.document.citation_name,
        "date": f"{change.legal_version.effective_from:%d/%m/%Y}",
        "by": f" ({_('theo')} {amending.citation_name})" if amending else "",
        "cited": cited,
    }
    proposal, _created = ReviewProposal.objects.get_or_create(
        basis_change=change,
        defaults={
            "unit": procedure.handling_unit,
            "title": title[:500],
            "description": description,
        },
    )
    return proposal


def can_decide(user, proposal) -> bool:
    """Staff of the proposed unit, or a legal officer (and administrators)."""
    if is_superuser(user):
        return True
    if not getattr(user, "is_active", False):
        return False
    role = role_of(user)
    if role == Role.LEGAL_OFFICER:
        return True
    return (
        role in UNIT_ROLES and proposal.unit_id is not None and unit_id_of(user) == proposal.unit_id
    )


def _check(user, proposal):
    if not can_decide(user, proposal):
        raise PermissionDenied(
            _("Chỉ cán bộ của đơn vị được đề xuất hoặc cán bộ pháp chế được xử lý đề xuất này.")
        )
    if not proposal.is_open:
        raise ValidationError(
            _("Đề xuất đã được xử lý (%(status)s).") % {"status": proposal.get_status_display()}
        )


@transaction.atomic
def accept_proposal(proposal, user, *, plan, deadline, title="") -> PlanTask:
    """Create the review task in `plan`, led by the proposed unit, concerning the
    procedure; the proposal and its flag are closed. All or nothing."""
    proposal = ReviewProposal.objects.select_for_update().get(pk=proposal.pk)
    _check(user, proposal)
    errors = {}
    if plan is None:
        errors["plan"] = _("Cần chọn kế hoạch để giao nhiệm vụ.")
    if deadline is None:
        errors["deadline"] = _("Cần nhập thời hạn hoàn thành.")
    if proposal.unit_id is None:
        errors["__all__"] = _(
            "Thủ tục chưa có đơn vị giải quyết: cập nhật đơn vị giải quyết của thủ tục trước "
            "khi giao nhiệm vụ."
        )
    if errors:
        raise ValidationError(errors)
    change = proposal.basis_change
    task = PlanTask(
        plan=plan,
        title=(title or proposal.title)[:500],
        description=proposal.description,
        lead_unit_id=proposal.unit_id,
        deadline=deadline,
        expected_output=_("Phiếu rà soát thủ tục hành chính"),
    )
    task.targets = [
        PlanTaskTarget(
            kind=TargetKind.PROCEDURE,
            procedure_id=change.procedure_id,
            note=_("Căn cứ pháp lý thay đổi: %(cited)s") % {"cited": change.changes_label()},
        )
    ]
    save_task(task, user)
    proposal.status = ProposalStatus.ACCEPTED
    proposal.task = task
    proposal.decided_by = user if getattr(user, "pk", None) else None
    proposal.decided_at = timezone.now()
    proposal.save()
    resolve(
        change,
        user,
        _("Đã giao nhiệm vụ rà soát “%(task)s” trong kế hoạch %(plan)s.")
        % {"task": task.title, "plan": plan},
    )
    return task


@transaction.atomic
def dismiss_proposal(proposal, user, reason) -> ReviewProposal:
    """Close the proposal (and its flag) without a task, with the reason."""
    proposal = ReviewProposal.objects.select_for_update().get(pk=proposal.pk)
    _check(user, proposal)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do không thực hiện rà soát.")})
    proposal.status = ProposalStatus.DISMISSED
    proposal.dismiss_reason = reason
    proposal.decided_by = user if getattr(user, "pk", None) else None
    proposal.decided_at = timezone.now()
    proposal.save()
    resolve(
        proposal.basis_change, user, _("Không thực hiện rà soát: %(reason)s") % {"reason": reason}
    )
    return proposal
