"""Demo: the department's procedure set, announced in 2017 and simplified in 2018.

The content is data: procedures.json (the set, its two decisions, the procedures and
their simplified versions), legal_basis.json (the normative documents they cite),
forms.json (the form templates, made as small .docx files) and steps.json (the
steps every procedure shares). Codes, decision numbers, fees and processing times are
illustrative demo values in the national formats, not copies of the official
procedure database.

Idempotent: documents are looked up by number/symbol (reused if another demo made
them), procedures by code, versions by (procedure, effective date); a version's
inline rows are replaced as a whole, so loading twice leaves the same rows.
"""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from wagtail.documents import get_document_model

from regulations.demofiles import day, read_json
from regulations.documents.models import (
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocument,
    LegalField,
    LegalVersion,
    RelationType,
)
from regulations.documents.services.provisions import ProvisionData, replace_provisions
from regulations.organisation.models import Unit

from ..models import (
    DossierComponent,
    Procedure,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureSet,
    ProcedureStep,
    ProcedureVersion,
)
from . import amendment


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


def _excerpt_version(doc, articles, basis):
    """A text version with the cited articles, only when the document has no text."""
    if not articles or doc.versions.exists():
        return
    version = LegalVersion.objects.create(
        document=doc,
        effective_from=doc.effective_date or doc.issued_date,
        note=basis["excerpt_note"],
    )
    rows = [ProvisionData(level="dieu", number=n, text=basis["excerpt_text"]) for n in articles]
    replace_provisions(version, rows)


def _form_file(form, layout):
    """A small .docx form (mẫu đơn) with the national motto and dotted fields."""
    doc = Docx()
    heading = [
        *layout["heading"],
        {"text": form["title"].split("–")[-1].strip().upper(), "bold": True},
        {"text": layout["addressee"], "bold": False},
    ]
    for line in heading:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line["text"]).bold = line["bold"]
    for line in form["lines"]:
        doc.add_paragraph(f"{line}: " + "." * 60)
    doc.add_paragraph(layout["commitment"])
    closing = doc.add_paragraph(layout["closing"])
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def form_templates():
    Document = get_document_model()
    layout = read_json(__name__, "forms.json")
    found = {}
    for form in layout["forms"]:
        doc = Document.objects.filter(title=form["title"]).first()
        if doc is None:
            doc = Document(title=form["title"])
            doc.file.save(form["filename"], ContentFile(_form_file(form, layout)), save=False)
            doc._set_document_file_metadata()
            doc.save()
        found[form["key"]] = doc
    return found


def _steps(unit_name, result):
    """The shared steps (steps.json), naming the handling unit and the result."""
    result = f"{result[0].lower()}{result[1:]}"
    return [
        (step["title"], step["description"].format(unit=unit_name, result=result))
        for step in read_json(__name__, "steps.json")
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
            "submission_place": spec["submission_place"],
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
        for i, (kind, days, fee, text) in enumerate(
            (m["kind"], m["days"], m["fee"], m["fee_text"]) for m in spec["methods"]
        )
    ]
    version.components = [
        DossierComponent(
            name=name,
            originals=originals,
            copies=copies,
            form_template=forms.get(form) if form else None,
            sort_order=i,
        )
        for i, (name, originals, copies, form) in enumerate(
            (c["name"], c["originals"], c["copies"], c["form"]) for c in spec["components"]
        )
    ]
    basis = []
    for i, cited in enumerate(spec["basis"]):
        doc, article = documents[cited["document"]], cited["article"]
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


def _decision(spec, decision_type, issuer):
    return get_or_create_document(
        spec["number_symbol"],
        kind="hanh_chinh",
        document_type=decision_type,
        title=spec["title"],
        summary=spec["summary"],
        issuing_body=issuer,
        signer_title=spec["signer_title"],
        issued_date=day(spec["issued"]),
        effective_date=day(spec["effective"]),
    )


def cited_documents(fields):
    """The normative documents the procedures cite (legal_basis.json), by number/symbol."""
    basis = read_json(__name__, "legal_basis.json")
    documents = {}
    for cited in basis["documents"]:
        abbreviation = "NĐ" if cited["type"] == "Nghị định" else ""
        doc = get_or_create_document(
            cited["number_symbol"],
            kind="qppl",
            document_type=document_type(cited["type"], abbreviation, "qppl"),
            title=cited["title"],
            summary=cited["title"],
            issuing_body=issuing_body(cited["issuer_code"], cited["issuer_name"]),
            issued_date=day(cited["issued"]),
            effective_date=day(cited["effective"]),
            legal_field=fields.get(cited["field"]),
        )
        _excerpt_version(doc, cited["articles"], basis)
        documents[cited["number_symbol"]] = doc
    return documents


def _procedure(spec, data, procedure_set, fields):
    procedure, _created = Procedure.objects.update_or_create(
        code=spec["code"],
        defaults={
            "name": spec["name"],
            "procedure_set": procedure_set,
            "level": "tinh",
            "procedure_type": data["procedure_type"],
            "legal_field": fields[spec["field"]],
            "handling_unit": Unit.objects.filter(code=spec["unit"]).first(),
        },
    )
    return procedure


def _simplified(spec):
    """The procedure as the amending decision left it: new methods, fewer components."""
    change = spec["simplified"]
    after = dict(spec)
    after["methods"] = change["methods"]
    after["components"] = [
        c for c in spec["components"] if c["name"] not in change["drop_components"]
    ]
    return after, change["summary"]


@transaction.atomic
def load(out):
    data = read_json(__name__, "procedures.json")
    decision_type = document_type("Quyết định", "QĐ", "hanh_chinh")
    ubnd = issuing_body("UBND", "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội")
    fields = {f["name"]: legal_field(f["name"], f["slug"]) for f in data["fields"]}
    documents = cited_documents(fields)
    announcing = _decision(data["announcing_decision"], decision_type, ubnd)
    amending = _decision(data["amending_decision"], decision_type, ubnd)
    DocumentRelation.objects.get_or_create(
        source=amending,
        relation_type=RelationType.AMENDS,
        target=announcing,
        target_provision="",
        defaults={"note": data["amendment_note"]},
    )

    department = Unit.objects.filter(code="so-tttt").first()
    procedure_set, _created = ProcedureSet.objects.update_or_create(
        name=data["set_name"], defaults={"decision": announcing, "owner_unit": department}
    )
    forms = form_templates()
    first, simplified_on = day(data["first_date"]), day(data["simplified_date"])
    simplified = 0
    for spec in data["procedures"]:
        spec = {**spec, "submission_place": data["submission_place"]}
        procedure = _procedure(spec, data, procedure_set, fields)
        _write_version(procedure, first, announcing, spec, forms, documents)
        if "simplified" in spec:
            after, summary = _simplified(spec)
            _write_version(procedure, simplified_on, amending, after, forms, documents, summary)
            simplified += 1
        procedure.refresh_from_db()
        if (
            not procedure.live
            or procedure.has_unpublished_changes
            or not procedure.live_revision_id
        ):
            procedure.save_revision().publish()
    count = Procedure.objects.filter(procedure_set=procedure_set, live=True).count()
    amended = amendment.load(documents, _decree_maker(fields))
    return (
        f"{count} thủ tục hành chính ({simplified} đã đơn giản hóa), {len(forms)} mẫu đơn; "
        f"{amended}"
    )


def _decree_maker(fields):
    def make(number_symbol, title, issued, effective, issuer, field):
        return get_or_create_document(
            number_symbol,
            kind="qppl",
            document_type=document_type("Nghị định", "NĐ", "qppl"),
            title=title,
            summary=title,
            issuing_body=issuing_body(issuer["code"], issuer["name"]),
            issued_date=issued,
            effective_date=effective,
            legal_field=fields.get(field),
        )

    return make
