"""Demo review records (phiếu rà soát) of plan 572/KH-STTTT, from plan.json: the
spending rules' record waits for the legal officer; of the two procedures' records one
is approved by every step, the other rejected by the legal officer with a comment."""

from decimal import Decimal

from django.db import transaction

from regulations.demofiles import day
from regulations.procedures.models import Procedure

from ..choices import ReviewTargetKind
from ..models import ReviewFinding, ReviewPrinciple, ReviewRecord, SimplificationProposal


def _run_workflow(record, author, approvals, reject=None):
    """Submit, then approve step by step; `reject` = (user, comment) ends with a rejection."""
    record.save_revision(user=author)
    workflow = record.get_workflow()
    if workflow is None:
        return
    state = workflow.start(record, author)
    for user in approvals:
        state.refresh_from_db()
        state.current_task_state.approve(user=user)
    if reject:
        state.refresh_from_db()
        user, comment = reject
        state.current_task_state.reject(user=user, comment=comment)


def review(title, *, create, author, approvals=(), reject=None, findings=(), proposal=None):
    record = ReviewRecord.objects.filter(title=title).first()
    if record is not None:
        return record, False
    record = create()
    record.live = False
    record.full_clean()
    record.save()
    record.principles.set(ReviewPrinciple.objects.all()[:3])
    for finding in findings:
        ReviewFinding.objects.create(record=record, **finding)
    if proposal:
        SimplificationProposal.objects.create(record=record, **proposal)
    with transaction.atomic():
        _run_workflow(record, author, approvals, reject)
    return record, True


def procedure_proposal(procedure, spec):
    """The simplification proposal (phương án đơn giản hóa): the texts and cost figures
    of plan.json, the time, components and fee taken from the procedure in force."""
    version = procedure.current_version or procedure.versions.order_by("-effective_from").first()
    days = version.shortest_processing_days if version else None
    components = version.components.count() if version else 0
    fees = [m.fee for m in version.methods.all()] if version else []
    days = Decimal(days) if days is not None else Decimal(10)
    figures = ["hours_before", "hours_after", "hourly_income"]
    figures += ["outside_cost_before", "outside_cost_after"]
    return {
        "simplified_part": spec["simplified_part"],
        "current_content": spec["current_content"].format(days=days, components=components),
        "proposal": spec["proposal"],
        "legal_text_to_amend": spec["legal_text_to_amend"],
        "timeline": spec["timeline"],
        "processing_days_before": days,
        "processing_days_after": max(days - Decimal(3), Decimal(1)),
        "components_before": components or 4,
        "components_after": max((components or 4) - 1, 1),
        "fee_before": min(fees) if fees else Decimal(0),
        "fee_after": min(fees) if fees else Decimal(0),
        **{name: Decimal(spec[name]) for name in figures},
        "times_per_year": spec["times_per_year"],
        "applicants": spec["applicants"],
    }


def _record(spec, plan, units, by_number, reviewer, **target):
    return ReviewRecord(
        title=spec["title"],
        plan=plan,
        task=by_number[spec["task"]],
        outcome=spec["outcome"],
        reason=spec["reason"],
        responsible_unit=units[spec["responsible_unit"]],
        deadline=day(spec["deadline"]),
        reviewer=reviewer,
        reviewed_on=day(spec["reviewed_on"]),
        **target,
    )


def reviews(data, plan, units, people, spending, by_number):
    made = []
    head_khtc, head_vp = people["truongphong.khtc"], people["truongphong.vp"]
    legal, leader = people["phapche"], people["lanhdao"]
    spec = data["spending_review"]
    if spending:
        made.append(
            review(
                spec["title"],
                author=head_khtc,
                approvals=[head_khtc],  # now waiting for the legal officer
                create=lambda: _record(
                    spec,
                    plan,
                    units,
                    by_number,
                    head_khtc,
                    target_kind=ReviewTargetKind.INTERNAL_RULE,
                    document=spending,
                ),
                findings=spec["findings"],
            )
        )
    else:
        made.append((spec["skipped"], False))
    spec = data["procedure_reviews"]
    procedures = list(Procedure.objects.filter(code__in=spec["codes"]).order_by("code"))
    if len(procedures) < 2:
        made.append((spec["skipped"], False))
        return made
    approved, rejected = procedures[0], procedures[1]
    for procedure, ok in ((approved, True), (rejected, False)):
        title = spec["title"].format(code=procedure.code)
        made.append(
            review(
                title,
                author=head_vp,
                approvals=[head_vp, legal, leader] if ok else [head_vp],
                reject=None if ok else (legal, spec["rejection"]),
                create=lambda procedure=procedure, title=title: _record(
                    {**spec, "title": title},
                    plan,
                    units,
                    by_number,
                    head_vp,
                    target_kind=ReviewTargetKind.PROCEDURE,
                    procedure=procedure,
                ),
                findings=spec["findings"],
                proposal=procedure_proposal(procedure, data["proposal"]),
            )
        )
    return made
