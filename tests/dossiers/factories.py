"""Factories for the one-stop dossier tests (real models, real database)."""

from datetime import date, datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from regulations.dossiers.services.records import save_dossier
from regulations.organisation.models import Role, StaffProfile, Unit, UnitKind
from regulations.procedures.models import Procedure, ProcedureMethod, ProcedureVersion


def at(y, m, d, hh=9, mm=0):
    return timezone.make_aware(datetime(y, m, d, hh, mm))


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"phong-{n}")
    name = factory.Sequence(lambda n: f"Phòng thử nghiệm {n}")
    kind = UnitKind.DIVISION


def make_procedure(code="1.000001.000.00.00.H29", unit=None, versions=None):
    """A procedure with versions: {effective_from: {kind: days}}."""
    unit = unit or UnitFactory()
    procedure = Procedure.objects.create(
        code=code,
        name=f"Cấp giấy phép thử nghiệm {code}",
        slug=code.replace(".", "-").lower(),
        handling_unit=unit,
    )
    versions = versions or {date(2016, 1, 1): {"truc_tiep": "3", "truc_tuyen": "2.5"}}
    for effective_from, methods in versions.items():
        version = ProcedureVersion.objects.create(
            procedure=procedure, effective_from=effective_from
        )
        for kind, days in methods.items():
            ProcedureMethod.objects.create(
                version=version, kind=kind, processing_days=Decimal(days)
            )
    return procedure


def make_dossier(procedure, code="HS-0001", received=None, user=None, **fields):
    from regulations.dossiers.models import Dossier

    dossier = Dossier(
        code=code,
        procedure=procedure,
        method_kind=fields.pop("method_kind", "truc_tiep"),
        applicant_name=fields.pop("applicant_name", "Nguyễn Văn An"),
        applicant_phone=fields.pop("applicant_phone", "0912 345 678"),
        applicant_address=fields.pop("applicant_address", "Số 5 Láng Hạ, Hà Nội"),
        applicant_email=fields.pop("applicant_email", "an@example.vn"),
        received_at=received or at(2017, 3, 6, 9),
        unit=fields.pop("unit", procedure.handling_unit),
        **fields,
    )
    return save_dossier(dossier, user=user)


def staff(role, unit, username=None, position=""):
    """A staff user with a role; the role's group gets the permissions our apps declare."""
    from regulations.calendar.permissions import ROLE_PERMISSIONS as CAL
    from regulations.dossiers.permissions import ROLE_PERMISSIONS as DOS

    user = get_user_model().objects.create_user(
        username=username or f"{role}-{unit.code}", password="x", first_name="Cán bộ"
    )
    group, _ = Group.objects.get_or_create(name=Role(role).label)
    wanted = ["wagtailadmin.access_admin", *DOS.get(role, []), *CAL.get(role, [])]
    for perm in wanted:
        app_label, codename = perm.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user.groups.add(group)
    user.is_staff = True
    user.save()
    StaffProfile.objects.create(user=user, unit=unit, role=role, position=position)
    return get_user_model().objects.get(pk=user.pk)
