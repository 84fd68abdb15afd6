"""A small department: units, one user per role, plan 572/KH-STTTT and tasks."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
from regulations.organisation.models import Role, Unit, UnitKind
from regulations.organisation.roles import assign_role, sync_role_groups
from regulations.planning.models import Plan, PlanTask
from regulations.planning.services.tasks import save_task

PASSWORD = "x-test-password-1"  # noqa: S105


@dataclass
class World:
    units: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    plan: Plan | None = None
    tasks: dict = field(default_factory=dict)


def make_unit(code, name, kind=UnitKind.DIVISION, parent=None, order=0):
    return Unit.objects.create(code=code, name=name, kind=kind, parent=parent, sort_order=order)


def make_user(username, unit, role, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.test"
    )
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    if role:
        assign_role(user, unit, role)
    return user


def make_plan(number="572/KH-STTTT", issued=date(2017, 3, 31)):
    doc_type, _ = DocumentType.objects.get_or_create(
        name="Kế hoạch", defaults={"abbreviation": "KH", "default_kind": DocumentKind.PLAN}
    )
    doc = LegalDocument(
        number_symbol=number,
        kind=DocumentKind.PLAN,
        document_type=doc_type,
        title="Kế hoạch thực hiện Năm kỷ cương hành chính 2017",
        issued_date=issued,
    )
    doc.full_clean(exclude=["slug"])
    doc.save()
    return Plan.objects.create(document=doc, objectives="Siết chặt kỷ cương")


def make_task(
    plan,
    number,
    lead,
    *,
    deadline=None,
    status="chua_thuc_hien",
    completed_on=None,
    recurring=False,
    coordinating=(),
    title=None,
):
    task = PlanTask(
        plan=plan,
        number=number,
        title=title or f"Nhiệm vụ {number}",
        lead_unit=lead,
        deadline=deadline,
        recurring=recurring,
        reporting_period="hang_quy" if recurring else "",
        status=status,
        completed_on=completed_on,
    )
    task.coordinating_units = list(coordinating)
    return save_task(task)


@pytest.fixture
def world(db):
    sync_role_groups()
    w = World()
    dept = make_unit("so", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT)
    w.units["bgd"] = make_unit("bgd", "Ban Giám đốc", UnitKind.LEADERSHIP, dept, 1)
    w.units["vp"] = make_unit("vp", "Văn phòng Sở", UnitKind.OFFICE, dept, 2)
    w.units["khtc"] = make_unit("khtc", "Phòng Kế hoạch - Tài chính", parent=dept, order=3)
    w.units["cntt"] = make_unit("cntt", "Phòng Công nghệ thông tin", parent=dept, order=4)
    w.users["lanhdao"] = make_user("lanhdao", w.units["bgd"], Role.LEADERSHIP)
    w.users["truongphong"] = make_user("truongphong", w.units["cntt"], Role.UNIT_HEAD)
    w.users["chuyenvien"] = make_user("chuyenvien", w.units["cntt"], Role.UNIT_STAFF)
    w.users["chuyenvien_khtc"] = make_user("chuyenvien_khtc", w.units["khtc"], Role.UNIT_STAFF)
    w.users["truongphong_khtc"] = make_user("truongphong_khtc", w.units["khtc"], Role.UNIT_HEAD)
    w.users["phapche"] = make_user("phapche", w.units["vp"], Role.LEGAL_OFFICER)
    w.users["motcua"] = make_user("motcua", w.units["vp"], Role.ONE_STOP_OFFICER)
    w.users["admin"] = make_user("admin", None, None, superuser=True)
    w.plan = make_plan()
    w.tasks["cntt"] = make_task(w.plan, "1.1", w.units["cntt"], deadline=date(2017, 6, 30))
    w.tasks["khtc"] = make_task(w.plan, "1.2", w.units["khtc"], deadline=date(2017, 9, 30))
    return w
