"""Factories for thủ tục hành chính tests (real rows, no mocks)."""

from datetime import date
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from regulations.documents.models import (
    DocumentType,
    IssuingBody,
    LegalDocument,
    LegalField,
    LegalVersion,
)
from regulations.documents.services.provisions import ProvisionData, replace_provisions
from regulations.organisation.models import Unit, UnitKind
from regulations.procedures.models import (
    DossierComponent,
    Procedure,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureSet,
    ProcedureStep,
    ProcedureVersion,
)


def decision(number_symbol="1507/QĐ-UBND", issued=date(2017, 3, 14), title="Quyết định công bố"):
    doc_type = DocumentType.objects.get_or_create(
        name="Quyết định", defaults={"abbreviation": "QĐ", "default_kind": "hanh_chinh"}
    )[0]
    body = IssuingBody.objects.get_or_create(
        code="UBND", defaults={"name": "Ủy ban nhân dân thành phố Hà Nội"}
    )[0]
    doc = LegalDocument(
        kind="hanh_chinh",
        document_type=doc_type,
        number_symbol=number_symbol,
        title=title,
        summary=title,
        issuing_body=body,
        issued_date=issued,
        effective_date=issued,
    )
    doc.full_clean()
    doc.save()
    return doc


def law_with_articles(number_symbol="103/2016/QH13", articles=("35",), title="Luật Báo chí"):
    """A law whose text (one version) has the given articles, each with a khoản 1."""
    doc_type = DocumentType.objects.get_or_create(
        name="Luật", defaults={"abbreviation": "", "default_kind": "qppl"}
    )[0]
    body = IssuingBody.objects.get_or_create(code="QH", defaults={"name": "Quốc hội"})[0]
    doc = LegalDocument(
        kind="qppl",
        document_type=doc_type,
        number_symbol=number_symbol,
        title=title,
        summary=title,
        issuing_body=body,
        issued_date=date(int(number_symbol.split("/")[1]), 4, 5),
        effective_date=date(2017, 1, 1),
    )
    doc.full_clean()
    doc.save()
    if articles:
        version = LegalVersion.objects.create(document=doc, effective_from=date(2017, 1, 1))
        rows = []
        for number in articles:
            rows.append(ProvisionData(level="dieu", number=number, title=f"Điều {number}"))
            rows.append(ProvisionData(level="khoan", number="1", text="Nội dung khoản 1."))
        replace_provisions(version, rows)
    return doc


def form_document(title="Mẫu tờ khai", content=b"PK demo form"):
    Document = get_document_model()
    doc = Document(title=title)
    doc.file.save("mau-to-khai.docx", ContentFile(content), save=False)
    doc.save()
    return doc


class LegalFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalField
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Phòng {n}")
    code = factory.Sequence(lambda n: f"phong-{n}")
    kind = UnitKind.DIVISION


class ProcedureSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureSet

    name = factory.Sequence(lambda n: f"Bộ thủ tục {n}")


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.{n:06d}.000.00.00.H29")
    name = factory.Sequence(lambda n: f"Cấp giấy phép thử nghiệm số {n}")
    level = "tinh"
    legal_field = factory.SubFactory(LegalFieldFactory)
    handling_unit = factory.SubFactory(UnitFactory)
    procedure_set = factory.SubFactory(ProcedureSetFactory)
    live = True


class ProcedureVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureVersion

    procedure = factory.SubFactory(ProcedureFactory)
    effective_from = date(2017, 3, 14)
    applicants = "Tổ chức, doanh nghiệp"
    implementing_agency = "Sở Thông tin và Truyền thông"
    competent_agency = "Sở Thông tin và Truyền thông"
    coordinating_agency = "Công an thành phố"
    submission_place = "185 Giảng Võ"
    result = "Giấy phép"
    requirements = "Có trụ sở tại Hà Nội"


def method(version, kind="truc_tiep", days=15, fee=0, order=0):
    return ProcedureMethod.objects.create(
        version=version, kind=kind, processing_days=Decimal(days), fee=Decimal(fee),
        sort_order=order,
    )  # fmt: skip


def component(version, name, originals=1, copies=0, form=None, order=0):
    return DossierComponent.objects.create(
        version=version, name=name, originals=originals, copies=copies, form_template=form,
        sort_order=order,
    )  # fmt: skip


def step(version, title, order=0):
    return ProcedureStep.objects.create(version=version, title=title, sort_order=order)


def basis(version, document, path="", order=0):
    return ProcedureLegalBasis.objects.create(
        version=version, document=document, provision_path=path, sort_order=order
    )
