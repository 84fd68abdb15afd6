"""Demo: plan 572/KH-STTTT with its tasks, progress, review records (one awaiting the
legal officer, one approved, one rejected with a comment) and a demo user per role.

The content is data: plan.json (the plan, the review records and their proposal),
tasks.json (the seed's seven tasks split into sub-tasks, with their progress reports)
and people.json (the demo logins, the staff who sign progress reports, the public demo
password); the review records' workflow is in reviews.py.

Idempotent: plans by document, tasks by (plan, number), reports by (task, date),
review records by title; revisions and workflows only when a row is first created.
"""

from django.contrib.auth import get_user_model

from regulations.demofiles import day, read_json
from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
from regulations.organisation.models import Unit
from regulations.organisation.roles import assign_role, sync_role_groups

from ..choices import TaskStatus
from ..models import Plan, PlanTask, PlanTaskTarget, PlanVersion, ProgressReport, ReviewRecord
from .reviews import reviews

PEOPLE = read_json(__name__, "people.json")
DEMO_PASSWORD = PEOPLE["password"]
USERS = PEOPLE["users"]  # the demo logins, one per role
REPORTERS = PEOPLE["reporters"]  # staff who sign progress reports, without a login
# Who reports for each lead unit: staff before the head.
REPORTER_OF_UNIT = PEOPLE["reporter_of_unit"]


def plan_document(spec):
    """The documents demo's 572/KH-STTTT, or a minimal one with the same number."""
    doc = LegalDocument.objects.filter(
        number_symbol=spec["number_symbol"], year=spec["year"]
    ).first()
    if doc is not None:
        return doc
    doc_type, _ = DocumentType.objects.get_or_create(
        name=spec["type"]["name"],
        defaults={"abbreviation": spec["type"]["abbreviation"], "default_kind": DocumentKind.PLAN},
    )
    doc = LegalDocument(
        number_symbol=spec["number_symbol"],
        kind=DocumentKind.PLAN,
        document_type=doc_type,
        title=spec["title"],
        issued_date=day(spec["date"]),
        effective_date=day(spec["date"]),
    )
    doc.full_clean(exclude=["slug"])
    doc.save()
    return doc


def users(units):
    User = get_user_model()
    made = {}
    for person in USERS:
        username = person["username"]
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                "email": f"{username}@sotttt.hanoi.example",
                "is_staff": True,
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        assign_role(user, units[person["unit"]], person["role"], person["position"])
        made[username] = user
    return made


def reporters(units):
    """The units' staff who sign progress reports but have no demo login."""
    User = get_user_model()
    made = {}
    for person in REPORTERS:
        username = person["username"]
        if person["unit"] not in units:
            continue
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                "email": f"{username}@sotttt.hanoi.example",
            },
        )
        if created:
            user.set_unusable_password()
            user.save()
        assign_role(user, units[person["unit"]], person["role"], person["position"])
        made[username] = user
    return made


def _task_fields(spec, plan, units, parent):
    """A task's fields from tasks.json: a recurring task (thường xuyên) has a reporting
    period instead of a deadline."""
    recurring = "reporting_period" in spec
    return {
        "title": spec["title"],
        "parent": parent,
        "lead_unit": units[spec["lead_unit"]],
        "recurring": recurring,
        "deadline": None if recurring else day(spec["deadline"]),
        "reporting_period": spec["reporting_period"] if recurring else "",
        "status": spec["status"],
        "completed_on": day(spec["completed_on"]),
        "plan_version": plan.versions.first(),
    }


def _progress(task, spec, reporter):
    for entry in spec["progress"]:
        report, _ = ProgressReport.objects.get_or_create(
            task=task,
            reported_on=day(entry["reported_on"]),
            defaults={
                "percent": entry["percent"],
                "content": entry["content"],
                "reported_by": reporter,
            },
        )
        if report.reported_by_id != getattr(reporter, "pk", None):
            # An older demo signed every report by the office's head.
            report.reported_by = reporter
            report.save(update_fields=["reported_by"])


def tasks(plan, units, author, staff, expected_output):
    """The plan's tasks (revisions by `author`, who assigns them) and their progress
    reports, each signed by someone of the task's lead unit (REPORTER_OF_UNIT)."""
    by_number = {}
    for spec in read_json(__name__, "tasks.json"):
        number = spec["number"]
        parent = by_number.get(number.rsplit(".", 1)[0]) if "." in number else None
        fields = _task_fields(spec, plan, units, parent)
        task = PlanTask.objects.filter(plan=plan, number=number).first()
        created = task is None
        task = task or PlanTask(plan=plan, number=number)
        changed = created or any(getattr(task, k) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(task, key, value)
        task.expected_output = task.expected_output or expected_output
        task.full_clean()
        task.save()
        wanted = sorted(units[c].pk for c in spec["coordinating_units"])
        if sorted(task.coordinating_units.values_list("pk", flat=True)) != wanted:
            task.coordinating_units.set(wanted)
            changed = True
        if changed:
            task.save_revision(user=author, log_action=True)
        _progress(task, spec, staff.get(REPORTER_OF_UNIT.get(spec["lead_unit"])))
        by_number[number] = task
    return by_number


def review_targets(by_number, targets):
    """The internal rules the review tasks cover; returns the spending rules (or None)."""
    found = []
    for target in targets:
        document = (
            LegalDocument.objects.filter(
                kind=DocumentKind.INTERNAL_RULE, title__icontains=target["title_contains"]
            )
            .order_by("issued_date")
            .first()
        )
        if document:
            PlanTaskTarget.objects.get_or_create(
                task=by_number[target["task"]], kind=target["kind"], document=document
            )
        found.append(document)
    return found[0]


def load(out):
    sync_role_groups()
    units = {unit.code: unit for unit in Unit.objects.all()}
    if "van-phong" not in units:
        return "Bỏ qua: chưa có dữ liệu đơn vị."
    data = read_json(__name__, "plan.json")
    spec = data["plan"]
    people = users(units)
    doc = plan_document(spec)
    plan, _ = Plan.objects.update_or_create(
        document=doc, defaults={"objectives": spec["objectives"]}
    )
    basis = LegalDocument.objects.filter(number_symbol__in=spec["basis_documents"])
    plan.basis_documents.set(basis)
    plan.save()
    PlanVersion.objects.get_or_create(
        plan=plan,
        amending_document=None,
        defaults={"effective_from": day(spec["date"]), "sort_order": 0},
    )
    if plan.latest_revision is None:
        plan.save_revision(user=people["lanhdao"])
    staff = {**people, **reporters(units)}
    author = people["truongphong.vp"]
    by_number = tasks(plan, units, author, staff, data["expected_output"])
    spending = review_targets(by_number, data["review_targets"])
    made = reviews(data, plan, units, people, spending, by_number)
    skipped = [title for title, ok in made if isinstance(title, str) and not ok]
    for message in skipped:
        out.write(f"        {message}")
    done = sum(1 for t in by_number.values() if t.status == TaskStatus.DONE)
    return (
        f"Kế hoạch {spec['number_symbol']}: {len(by_number)} nhiệm vụ ({done} hoàn thành), "
        f"{ReviewRecord.objects.count()} phiếu rà soát, {len(people)} tài khoản mẫu "
        f"(mật khẩu {DEMO_PASSWORD})"
    )
