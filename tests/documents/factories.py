"""Builders for documents, versions and provisions (real rows, real clean())."""

from datetime import date

import factory

from regulations.documents.models import DocumentType, IssuingBody, LegalDocument, LegalVersion
from regulations.documents.services.provisions import ProvisionData, replace_provisions
from regulations.documents.structure import ProvisionLevel as L


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ("code",)

    code = "STTTT"
    name = "Sở Thông tin và Truyền thông Hà Nội"
    place = "Hà Nội"


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    """A document type by name; the types of the data migration are found, not copied."""

    class Meta:
        model = DocumentType
        django_get_or_create = ("name",)

    name = "Quyết định"
    abbreviation = "QĐ"
    default_kind = "hanh_chinh"


def make_document(
    number_symbol="572/KH-STTTT",
    type_name="Kế hoạch",
    issued=date(2017, 3, 31),
    effective=None,
    issuer="STTTT",
    live=True,
    **fields,
):
    """A document through full_clean(), as the admin would save it."""
    doc_type = DocumentTypeFactory(name=type_name)
    doc = LegalDocument(
        number_symbol=number_symbol,
        document_type=doc_type,
        kind=fields.pop("kind", doc_type.default_kind),
        title=fields.pop("title", f"{type_name} {number_symbol}"),
        issued_date=issued,
        effective_date=effective if effective is not None else issued,
        issuing_body=IssuingBodyFactory(code=issuer, name=f"Cơ quan {issuer}"),
        live=live,
        **fields,
    )
    doc.full_clean()
    doc.save()
    return doc


RULES_V1 = [
    (L.CHAPTER, "I", "QUY ĐỊNH CHUNG", ""),
    (L.ARTICLE, "1", "Phạm vi điều chỉnh", "Quy chế này quy định lề lối làm việc của Sở."),
    (L.ARTICLE, "2", "Nguyên tắc làm việc", ""),
    (L.CLAUSE, "1", "", "Làm việc theo chế độ thủ trưởng."),
    (L.CLAUSE, "2", "", "Giải quyết công việc đúng thời hạn."),
    (L.POINT, "a", "", "hồ sơ một cửa trả đúng hẹn;"),
    (L.POINT, "b", "", "văn bản đến xử lý trong ngày."),
    (L.ARTICLE, "3", "Chế độ họp", "Giao ban vào sáng thứ Hai hằng tuần."),
    (L.ARTICLE, "4", "Báo cáo", "Các phòng báo cáo kết quả công tác tháng trước ngày 20."),
]


def make_version(document, effective_from, rows=RULES_V1, amending=None):
    version = LegalVersion.objects.create(
        document=document, effective_from=effective_from, amending_document=amending
    )
    replace_provisions(version, [ProvisionData(str(level), n, t, x) for level, n, t, x in rows])
    return version
