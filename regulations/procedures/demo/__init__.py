"""Demo: the department's procedure set, announced in 2017 and simplified in 2018.

Idempotent: documents are looked up by number/symbol (reused if another demo made
them), procedures by code, versions by (procedure, effective date); a version's
inline rows are replaced as a whole, so loading twice leaves the same rows.
"""

import io
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model

from regulations.documents.models import (
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocument,
    LegalField,
    LegalVersion,
    RelationType,
)
from regulations.organisation.models import Unit

from . import demo_amendment
from .demo_data import (
    AMENDING_DECISION,
    ANNOUNCING_DECISION,
    FIELDS,
    FORMS,
    IN_PERSON_PLACE,
    NORMATIVE,
    PROCEDURES,
    TYPE,
)
from .models import (
    DossierComponent,
    Procedure,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureSet,
    ProcedureStep,
    ProcedureVersion,
)

SET_NAME = "Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền thông"
FIRST_DATE = date(2017, 3, 14)
SIMPLIFIED_DATE = date(2018, 9, 1)
EXCERPT_NOTE = "Trích các điều được dẫn chiếu (dữ liệu mẫu)"
EXCERPT_TEXT = "Nội dung điều này không được nhập trong dữ liệu mẫu; xem toàn văn văn bản gốc."


def _date(parts):
    return date(*parts)


def document_type(name, abbreviation, kind):
    return DocumentType.objects.get_or_create(
        name=name, defaults={"abbreviation": abbreviation, "default_kind": kind}
    )[0]


def issuing_body(code, name, place=""):
    found = IssuingBody.objects.filter(code=code).first()
    found = found or IssuingBody.objects.filter(name=name).first()
    return found or IssuingBody.objects.create(code=code, name=name, place=place)


def legal_field(name, slug=""):
    slug = slug or slugify(name.replace("đ", "d").replace("Đ", "D"))
    found = LegalField.objects.filter(name=name).first()
    found = found or LegalField.objects.filter(slug=slug).first()
    return found or LegalField.objects.create(name=name, slug=slug)


def get_or_create_document(number_symbol, **fields):
    """Reuse a document with this number/symbol (another demo may have made it)."""
    found = LegalDocument.objects.filter(number_symbol=number_symbol).first()
    if found is not None:
        return found
    doc = LegalDocument(number_symbol=number_symbol, **fields)
    doc.full_clean()
    doc.save()
    doc.save_revision().publish()
    return doc


def _excerpt_version(doc, articles):
    """A text version with the cited articles, only when the document has no text."""
    from regulations.documents.services.provisions import ProvisionData, replace_provisions

    if not articles or doc.versions.exists():
        return
    version = LegalVersion.objects.create(
        document=doc, effective_from=doc.effective_date or doc.issued_date, note=EXCERPT_NOTE
    )
    replace_provisions(
        version, [ProvisionData(level="dieu", number=n, text=EXCERPT_TEXT) for n in articles]
    )


def _form_file(title, lines):
    """A small .docx form (mẫu đơn) with the national motto and dotted fields."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Docx()
    for text, bold in [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("Độc lập - Tự do - Hạnh phúc", True),
        ("", False),
        (title.split("–")[-1].strip().upper(), True),
        ("Kính gửi: Sở Thông tin và Truyền thông Hà Nội", False),
    ]:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    for line in lines:
        doc.add_paragraph(f"{line}: " + "." * 60)
    doc.add_paragraph("Chúng tôi cam kết chịu trách nhiệm về tính chính xác của nội dung kê khai.")
    closing = doc.add_paragraph("Người đại diện theo pháp luật\n(Ký, ghi rõ họ tên, đóng dấu)")
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def form_templates():
    Document = get_document_model()
    found = {}
    for key, (title, filename, lines) in FORMS.items():
        doc = Document.objects.filter(title=title).first()
        if doc is None:
            doc = Document(title=title)
            doc.file.save(filename, ContentFile(_form_file(title, lines)), save=False)
            doc._set_document_file_metadata()
            doc.save()
        found[key] = doc
    return found


def _steps(unit_name, result):
    return [
        (
            "Bước 1: Chuẩn bị và nộp hồ sơ",
            "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Bộ phận Một cửa của Sở, "
            "qua dịch vụ bưu chính hoặc trực tuyến (nếu thủ tục có cách thức trực tuyến).",
        ),
        (
            "Bước 2: Tiếp nhận hồ sơ",
            "Bộ phận Một cửa kiểm tra thành phần hồ sơ; hồ sơ đầy đủ thì cấp phiếu tiếp nhận "
            "và hẹn ngày trả kết quả; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần bằng "
            "phiếu yêu cầu bổ sung.",
        ),
        (
            "Bước 3: Giải quyết hồ sơ",
            f"{unit_name} thẩm định hồ sơ, trình Lãnh đạo Sở ký {result[0].lower()}{result[1:]} "
            "Trường hợp không đủ điều kiện, Sở trả lời bằng văn bản và nêu rõ lý do.",
        ),
        (
            "Bước 4: Trả kết quả",
            "Tổ chức, cá nhân nhận kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính "
            "theo ngày hẹn trên phiếu tiếp nhận.",
        ),
    ]


def _write_version(procedure, effective_from, decision, spec, forms, documents, summary=""):
    unit = procedure.handling_unit
    version, _created = ProcedureVersion.objects.update_or_create(
        procedure=procedure,
        effective_from=effective_from,
        defaults={
            "decision": decision,
            "change_summary": summary,
            "applicants": spec["applicants"],
            "implementing_agency": "Sở Thông tin và Truyền thông Hà Nội",
            "competent_agency": "Sở Thông tin và Truyền thông Hà Nội",
            "coordinating_agency": spec.get("coordinating", ""),
            "submission_place": IN_PERSON_PLACE,
            "result": spec["result"],
            "requirements": spec["requirements"],
        },
    )
    version.steps = [
        ProcedureStep(title=title, description=text, sort_order=i)
        for i, (title, text) in enumerate(_steps(unit.name if unit else "Sở", spec["result"]))
    ]
    version.methods = [
        ProcedureMethod(
            kind=kind, processing_days=days, fee=fee, fee_description=text, sort_order=i
        )
        for i, (kind, days, fee, text) in enumerate(spec["methods"])
    ]
    version.components = [
        DossierComponent(
            name=name,
            originals=originals,
            copies=copies,
            form_template=forms.get(form) if form else None,
            sort_order=i,
        )
        for i, (name, originals, copies, form) in enumerate(spec["components"])
    ]
    basis = []
    for i, (number_symbol, article) in enumerate(spec["basis"]):
        doc = documents[number_symbol]
        path = f"dieu-{article}" if article else ""
        text = doc.versions.order_by("-effective_from").first()
        if path and (text is None or not text.provisions.filter(path=path).exists()):
            path = ""  # the document's own text does not have this article: cite it whole
        basis.append(ProcedureLegalBasis(document=doc, provision_path=path, sort_order=i))
    version.legal_basis = basis
    for child in [*version.methods.all(), *version.legal_basis.all()]:
        child.full_clean(exclude=["version"])
    version.full_clean()
    version.save()
    if not version.latest_revision_id:
        version.save_revision()
    return version


@transaction.atomic
def load(out):
    decision_type = document_type("Quyết định", "QĐ", "hanh_chinh")
    ubnd = issuing_body("UBND", "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội")
    fields = {name: legal_field(name, slug) for name, slug in FIELDS}

    documents = {}
    for number_symbol, type_name, code, body, title, issued, effective, field, arts in NORMATIVE:
        abbreviation = "NĐ" if type_name == "Nghị định" else ""
        doc = get_or_create_document(
            number_symbol,
            kind="qppl",
            document_type=document_type(type_name, abbreviation, "qppl"),
            title=title,
            summary=title,
            issuing_body=issuing_body(code, body),
            issued_date=_date(issued),
            effective_date=_date(effective),
            legal_field=fields.get(field),
        )
        _excerpt_version(doc, arts)
        documents[number_symbol] = doc

    decisions = []
    for spec in (ANNOUNCING_DECISION, AMENDING_DECISION):
        decisions.append(
            get_or_create_document(
                spec["number_symbol"],
                kind="hanh_chinh",
                document_type=decision_type,
                title=spec["title"],
                summary=spec["summary"],
                issuing_body=ubnd,
                signer_title=spec["signer_title"],
                issued_date=_date(spec["issued"]),
                effective_date=_date(spec["effective"]),
            )
        )
    announcing, amending = decisions
    DocumentRelation.objects.get_or_create(
        source=amending,
        relation_type=RelationType.AMENDS,
        target=announcing,
        target_provision="",
        defaults={"note": "Sửa đổi, bổ sung thủ tục trong lĩnh vực báo chí, xuất bản"},
    )

    department = Unit.objects.filter(code="so-tttt").first()
    procedure_set, _created = ProcedureSet.objects.update_or_create(
        name=SET_NAME, defaults={"decision": announcing, "owner_unit": department}
    )
    forms = form_templates()
    simplified = 0
    for spec in PROCEDURES:
        procedure, _created = Procedure.objects.update_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "procedure_set": procedure_set,
                "level": "tinh",
                "procedure_type": TYPE,
                "legal_field": fields[spec["field"]],
                "handling_unit": Unit.objects.filter(code=spec["unit"]).first(),
            },
        )
        _write_version(procedure, FIRST_DATE, announcing, spec, forms, documents)
        if "simplified" in spec:
            change = spec["simplified"]
            after = dict(spec)
            after["methods"] = change["methods"]
            after["components"] = [
                c for c in spec["components"] if c[0] not in change["drop_components"]
            ]
            _write_version(
                procedure, SIMPLIFIED_DATE, amending, after, forms, documents, change["summary"]
            )
            simplified += 1
        procedure.refresh_from_db()
        if (
            not procedure.live
            or procedure.has_unpublished_changes
            or not procedure.live_revision_id
        ):
            procedure.save_revision().publish()
    count = Procedure.objects.filter(procedure_set=procedure_set, live=True).count()
    amended = demo_amendment.load(documents, _decree_maker(fields))
    return (
        f"{count} thủ tục hành chính ({simplified} đã đơn giản hóa), {len(forms)} mẫu đơn; "
        f"{amended}"
    )


def _decree_maker(fields):
    def make(number_symbol, title, issued, effective):
        return get_or_create_document(
            number_symbol,
            kind="qppl",
            document_type=document_type("Nghị định", "NĐ", "qppl"),
            title=title,
            summary=title,
            issuing_body=issuing_body("CP", "Chính phủ"),
            issued_date=issued,
            effective_date=effective,
            legal_field=fields.get("Viễn thông"),
        )

    return make
