"""Demo data: the seed chain, two versions of the working rules; loading twice is stable."""

from datetime import date

from django.core.management import call_command

from regulations.documents.models import (
    DocumentRelation,
    DocumentType,
    LegalDocument,
    LegalVersion,
    Provision,
    RelationType,
    ValidityStatus,
)


class _Null:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass


def test_document_types_exist_in_every_install(db):
    types = dict(DocumentType.objects.values_list("name", "abbreviation"))
    assert types["Nghị định"] == "NĐ" and types["Kế hoạch"] == "KH"
    assert types["Quy định"] == "QyĐ" and types["Công văn"] == ""
    assert types["Thông tư liên tịch"] == "TTLT"


def test_demo_chain_versions_and_idempotence(demo_site):
    def snapshot():
        return (
            LegalDocument.objects.count(),
            LegalVersion.objects.count(),
            DocumentRelation.objects.count(),
            sorted(Provision.objects.values_list("pk", flat=True)),
        )

    before = snapshot()
    call_command("load_demo", force=True, stdout=_Null(), stderr=_Null())
    assert snapshot() == before

    plan = LegalDocument.objects.get(number_symbol="572/KH-STTTT")
    assert (plan.kind, plan.issued_date, plan.issuing_body.code) == (
        "ke_hoach",
        date(2017, 3, 31),
        "STTTT",
    )
    bases = set(
        plan.relations_out.filter(relation_type=RelationType.BASED_ON).values_list(
            "target__number_symbol", flat=True
        )
    )
    assert {"69/KH-UBND", "01/CT-UBND"} <= bases
    assert LegalDocument.objects.get(number_symbol="69/KH-UBND").issued_date == date(2017, 3, 20)
    assert LegalDocument.objects.get(number_symbol="359/QĐ-UBND").issued_date == date(2017, 1, 18)

    rules = LegalDocument.objects.get(title__startswith="Quy chế làm việc")
    versions = list(rules.versions.order_by("effective_from"))
    assert len(versions) == 2 and versions[1].amending_document is not None
    changed_articles = {
        p.split("/")[0]
        for p in versions[1]
        .provisions.filter(changed_by__isnull=False)
        .values_list("path", flat=True)
    }
    assert changed_articles == {"dieu-5", "dieu-10"}
    assert versions[0].provisions.filter(level="dieu").count() == 12

    spending = LegalDocument.objects.get(title__startswith="Quy chế chi tiêu nội bộ")
    assert spending.validity_status == ValidityStatus.PARTLY_EXPIRED
    old = LegalDocument.objects.get(number_symbol="09/2015/QĐ-TTg")
    assert old.validity_status == ValidityStatus.EXPIRED
