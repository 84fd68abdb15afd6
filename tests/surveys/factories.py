"""Factories for the survey and feedback tests (the SIPAS 2017 method comes from the
seed migration; these build the organisation and procedures around it)."""

import factory

from regulations.organisation.models import Unit, UnitKind
from regulations.procedures.models import Procedure
from regulations.surveys.models import Answer, Criterion, SurveyMethod, SurveyResponse


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Phòng thử nghiệm {n}")
    code = factory.Sequence(lambda n: f"phong-{n}")
    kind = UnitKind.DIVISION
    email = factory.LazyAttribute(lambda o: f"{o.code}@so.example")


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.00{n:04d}.000.00.00.H26")
    name = factory.Sequence(lambda n: f"Cấp giấy phép thử nghiệm {n}")
    handling_unit = factory.SubFactory(UnitFactory)
    live = True


def sipas():
    return SurveyMethod.objects.current()


def criteria(method=None):
    method = method or sipas()
    return list(
        Criterion.objects.filter(factor__method=method).order_by(
            "factor__sort_order", "sort_order", "pk"
        )
    )


def response_with(values: dict, *, quarter="2017-Q1", unit=None, procedure=None, code=""):
    """A response answering {criterion: value}, dated in the middle of `quarter`."""
    from datetime import datetime

    from django.utils import timezone

    year, q = quarter.split("-Q")
    moment = timezone.make_aware(datetime(int(year), 3 * (int(q) - 1) + 2, 15, 10, 0))
    response = SurveyResponse.objects.create(
        method=sipas(),
        submitted_at=moment,
        unit=unit,
        procedure=procedure,
        dossier_code=code,
    )
    Answer.objects.bulk_create(
        Answer(response=response, criterion=c, value=v) for c, v in values.items()
    )
    return response
