"""Demo: plan 572/KH-STTTT with its tasks, progress, review records (one awaiting the
legal officer, one approved, one rejected with a comment) and a demo user per role.

Idempotent: plans by document, tasks by (plan, number), reports by (task, date),
review records by title; revisions and workflows only when a row is first created.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
from regulations.organisation.models import Unit
from regulations.organisation.roles import assign_role, sync_role_groups

from .choices import Finding, Outcome, ReviewTargetKind, TaskStatus
from .demo_data import DEMO_PASSWORD, REPORTER_OF_UNIT, REPORTERS, TASKS, USERS
from .models import (
    Plan,
    PlanTask,
    PlanTaskTarget,
    PlanVersion,
    ProgressReport,
    ReviewFinding,
    ReviewPrinciple,
    ReviewRecord,
    SimplificationProposal,
)

PLAN_NUMBER = "572/KH-STTTT"
PLAN_DATE = date(2017, 3, 31)
PROCEDURE_CODES = ["1.004662.000.00.00.H29", "1.003725.000.00.00.H29"]


def plan_document():
    """The documents demo's 572/KH-STTTT, or a minimal one with the same number."""
    doc = LegalDocument.objects.filter(number_symbol=PLAN_NUMBER, year=2017).first()
    if doc is not None:
        return doc
    doc_type, _ = DocumentType.objects.get_or_create(
        name="Kế hoạch", defaults={"abbreviation": "KH", "default_kind": DocumentKind.PLAN}
    )
    doc = LegalDocument(
        number_symbol=PLAN_NUMBER,
        kind=DocumentKind.PLAN,
        document_type=doc_type,
        title="Kế hoạch thực hiện chủ đề năm 2017 “Năm kỷ cương hành chính” của Sở Thông tin "
        "và Truyền thông",
        issued_date=PLAN_DATE,
        effective_date=PLAN_DATE,
    )
    doc.full_clean(exclude=["slug"])
    doc.save()
    return doc


def users(units):
    User = get_user_model()
    made = {}
    for username, last, first, unit_code, role, position in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@sotttt.hanoi.example",
                "is_staff": True,
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        assign_role(user, units[unit_code], role, position)
        made[username] = user
    return made


def reporters(units):
    """The units' staff who sign progress reports but have no demo login."""
    User = get_user_model()
    made = {}
    for username, last, first, unit_code, role, position in REPORTERS:
        if unit_code not in units:
            continue
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@sotttt.hanoi.example",
            },
        )
        if created:
            user.set_unusable_password()
            user.save()
        assign_role(user, units[unit_code], role, position)
        made[username] = user
    return made


def tasks(plan, units, author, staff):
    """The plan's tasks (revisions by `author`, who assigns them) and their progress
    reports, each signed by someone of the task's lead unit (REPORTER_OF_UNIT)."""
    by_number = {}
    for number, title, lead, coordinating, deadline, status, done_on, reports in TASKS:
        parent = by_number.get(number.rsplit(".", 1)[0]) if "." in number else None
        recurring = isinstance(deadline, tuple)
        fields = {
            "title": title,
            "parent": parent,
            "lead_unit": units[lead],
            "recurring": recurring,
            "deadline": None if recurring else deadline,
            "reporting_period": deadline[1] if recurring else "",
            "status": status,
            "completed_on": done_on,
            "plan_version": plan.versions.first(),
        }
        task = PlanTask.objects.filter(plan=plan, number=number).first()
        created = task is None
        task = task or PlanTask(plan=plan, number=number)
        changed = created or any(getattr(task, k) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(task, key, value)
        task.expected_output = task.expected_output or "Báo cáo kết quả thực hiện."
        task.full_clean()
        task.save()
        wanted = sorted(units[c].pk for c in coordinating)
        if sorted(task.coordinating_units.values_list("pk", flat=True)) != wanted:
            task.coordinating_units.set(wanted)
            changed = True
        if changed:
            task.save_revision(user=author, log_action=True)
        reporter = staff.get(REPORTER_OF_UNIT.get(lead))
        for reported_on, percent, text in reports:
            report, _ = ProgressReport.objects.get_or_create(
                task=task,
                reported_on=reported_on,
                defaults={"percent": percent, "content": text, "reported_by": reporter},
            )
            if report.reported_by_id != getattr(reporter, "pk", None):
                # An older demo signed every report by the office's head.
                report.reported_by = reporter
                report.save(update_fields=["reported_by"])
        by_number[number] = task
    return by_number


def review_targets(by_number):
    spending = (
        LegalDocument.objects.filter(
            kind=DocumentKind.INTERNAL_RULE, title__icontains="chi tiêu nội bộ"
        )
        .order_by("issued_date")
        .first()
    )
    if spending:
        PlanTaskTarget.objects.get_or_create(
            task=by_number["1.4"], kind="quy_che_noi_bo", document=spending
        )
    working = (
        LegalDocument.objects.filter(
            kind=DocumentKind.INTERNAL_RULE, title__icontains="Quy chế làm việc"
        )
        .order_by("issued_date")
        .first()
    )
    if working:
        PlanTaskTarget.objects.get_or_create(
            task=by_number["1.3"], kind="quy_che_noi_bo", document=working
        )
    return spending


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
    for kind, path, text in findings:
        ReviewFinding.objects.create(
            record=record, kind=kind, provision_path=path, description=text
        )
    if proposal:
        SimplificationProposal.objects.create(record=record, **proposal)
    with transaction.atomic():
        _run_workflow(record, author, approvals, reject)
    return record, True


def procedure_proposal(procedure):
    version = procedure.current_version or procedure.versions.order_by("-effective_from").first()
    days = version.shortest_processing_days if version else None
    components = version.components.count() if version else 0
    fees = [m.fee for m in version.methods.all()] if version else []
    days = Decimal(days) if days is not None else Decimal(10)
    return {
        "simplified_part": "Thời hạn giải quyết và thành phần hồ sơ",
        "current_content": f"Thời hạn {days} ngày làm việc; {components} thành phần hồ sơ.",
        "proposal": "Rút ngắn thời hạn giải quyết; bỏ yêu cầu bản sao chứng thực.",
        "legal_text_to_amend": "Quyết định công bố bộ thủ tục hành chính",
        "timeline": "Quý IV/2017",
        "processing_days_before": days,
        "processing_days_after": max(days - Decimal(3), Decimal(1)),
        "components_before": components or 4,
        "components_after": max((components or 4) - 1, 1),
        "fee_before": min(fees) if fees else Decimal(0),
        "fee_after": min(fees) if fees else Decimal(0),
        "hours_before": Decimal(16),
        "hours_after": Decimal(8),
        "hourly_income": Decimal(25000),
        "outside_cost_before": Decimal(100000),
        "outside_cost_after": Decimal(50000),
        "times_per_year": 1,
        "applicants": 120,
    }


def reviews(plan, units, people, spending, by_number):
    from regulations.procedures.models import Procedure

    made = []
    head_khtc, head_vp = people["truongphong.khtc"], people["truongphong.vp"]
    legal, leader = people["phapche"], people["lanhdao"]
    if spending:
        made.append(
            review(
                "Rà soát Quy chế chi tiêu nội bộ năm 2017",
                author=head_khtc,
                approvals=[head_khtc],  # now waiting for the legal officer
                create=lambda: ReviewRecord(
                    title="Rà soát Quy chế chi tiêu nội bộ năm 2017",
                    plan=plan,
                    task=by_number["1.4"],
                    target_kind=ReviewTargetKind.INTERNAL_RULE,
                    document=spending,
                    outcome=Outcome.REPEAL_PART,
                    reason="Khoán cước điện thoại di động không còn phù hợp với quy định hiện "
                    "hành về tiêu chuẩn, định mức sử dụng.",
                    responsible_unit=units["ke-hoach-tai-chinh"],
                    deadline=date(2017, 12, 31),
                    reviewer=head_khtc,
                    reviewed_on=date(2017, 9, 25),
                ),
                findings=[(Finding.UNSUITABLE, "dieu-6", "Khoán cước điện thoại di động.")],
            )
        )
    else:
        made.append(("Quy chế chi tiêu nội bộ: bỏ qua (chưa có văn bản)", False))
    procedures = list(Procedure.objects.filter(code__in=PROCEDURE_CODES).order_by("code"))
    if len(procedures) < 2:
        made.append(("Phiếu rà soát thủ tục: bỏ qua (chưa có thủ tục mẫu)", False))
        return made
    approved, rejected = procedures[0], procedures[1]
    for procedure, ok in ((approved, True), (rejected, False)):
        title = f"Rà soát, đơn giản hóa thủ tục {procedure.code}"
        made.append(
            review(
                title,
                author=head_vp,
                approvals=[head_vp, legal, leader] if ok else [head_vp],
                reject=None
                if ok
                else (
                    legal,
                    "Chưa tính chi phí tuân thủ sau đơn giản hóa theo đúng số đối tượng thực "
                    "hiện; đề nghị bổ sung số liệu năm 2016.",
                ),
                create=lambda procedure=procedure, title=title: ReviewRecord(
                    title=title,
                    plan=plan,
                    task=by_number["1.2"],
                    target_kind=ReviewTargetKind.PROCEDURE,
                    procedure=procedure,
                    outcome=Outcome.AMEND,
                    reason="Rút ngắn thời gian giải quyết, giảm thành phần hồ sơ theo nguyên "
                    "tắc đơn giản hóa của Kế hoạch 572/KH-STTTT.",
                    responsible_unit=units["van-phong"],
                    deadline=date(2017, 11, 30),
                    reviewer=head_vp,
                    reviewed_on=date(2017, 8, 10),
                ),
                findings=[(Finding.OVERLAPPING, "", "Yêu cầu bản sao chứng thực trùng lặp.")],
                proposal=procedure_proposal(procedure),
            )
        )
    return made


def load(out):
    sync_role_groups()
    units = {unit.code: unit for unit in Unit.objects.all()}
    if "van-phong" not in units:
        return "Bỏ qua: chưa có dữ liệu đơn vị."
    people = users(units)
    doc = plan_document()
    plan, _ = Plan.objects.update_or_create(
        document=doc,
        defaults={
            "objectives": "Siết chặt kỷ luật, kỷ cương hành chính; đổi mới lề lối làm việc; "
            "nâng cao sự hài lòng của người dân, doanh nghiệp.",
        },
    )
    basis = LegalDocument.objects.filter(number_symbol__in=["01/CT-UBND", "69/KH-UBND"])
    plan.basis_documents.set(basis)
    plan.save()
    PlanVersion.objects.get_or_create(
        plan=plan, amending_document=None, defaults={"effective_from": PLAN_DATE, "sort_order": 0}
    )
    if plan.latest_revision is None:
        plan.save_revision(user=people["lanhdao"])
    staff = {**people, **reporters(units)}
    by_number = tasks(plan, units, people["truongphong.vp"], staff)
    spending = review_targets(by_number)
    made = reviews(plan, units, people, spending, by_number)
    skipped = [title for title, ok in made if isinstance(title, str) and not ok]
    for message in skipped:
        out.write(f"        {message}")
    done = sum(1 for t in by_number.values() if t.status == TaskStatus.DONE)
    return (
        f"Kế hoạch {PLAN_NUMBER}: {len(by_number)} nhiệm vụ ({done} hoàn thành), "
        f"{ReviewRecord.objects.count()} phiếu rà soát, {len(people)} tài khoản mẫu "
        f"(mật khẩu {DEMO_PASSWORD})"
    )
