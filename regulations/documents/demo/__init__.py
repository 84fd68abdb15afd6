"""Demo văn bản: the seed's chain (01/CT-UBND → 69/KH-UBND → 572/KH-STTTT, 359/QĐ-UBND),
the department's working rules (two versions) and spending rules, and a few laws.

The content is data: documents.json lists the issuing bodies, fields, sectors and the
documents in the order they are made, each with its text (texts/*.txt, read by
`textfiles.read_rows`), the relations made once it exists and the amendment it makes.
The date of 01/CT-UBND is illustrative: the seed gives the year only.

Idempotent: documents by number/symbol and year, versions by date, relations by
their four keys; a text is rewritten only when it differs.
"""

from django.utils.text import slugify

from regulations.demofiles import day, read_json

from ..models import (
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocument,
    LegalField,
    LegalVersion,
    Sector,
)
from ..services.amend import amend
from ..services.provisions import ProvisionData, replace_provisions
from .textfiles import read_rows

# Keys of a document entry that are not LegalDocument fields of the same name.
NOT_FIELDS = {"number_symbol", "type", "issuer", "kind", "tags", "text", "relations", "amends"}
DATES = {"issued_date", "effective_date"}


def _slug(text):
    return slugify(text.replace("Đ", "D").replace("đ", "d"))


def _document(entry, fields, sectors):
    """update_or_create on (number/symbol, year) through clean(), so the parts are parsed."""
    doc_type = DocumentType.objects.get(name=entry["type"])
    issued = day(entry["issued_date"])
    doc = LegalDocument.objects.filter(
        number_symbol=entry["number_symbol"], year=issued.year
    ).first() or LegalDocument(number_symbol=entry["number_symbol"])
    created = doc.pk is None
    doc.document_type = doc_type
    doc.kind = entry.get("kind", doc_type.default_kind)
    doc.issuing_body = IssuingBody.objects.get(code=entry["issuer"])
    for key, value in entry.items():
        if key in NOT_FIELDS:
            continue
        if key == "sector":
            value = sectors[value]
        elif key == "legal_field":
            value = fields[value]
        elif key in DATES:
            value = day(value)
        setattr(doc, key, value)
    doc.live = True
    doc.full_clean(exclude=["slug"])
    doc.save()
    tags = entry.get("tags", [])
    if tags:
        doc.tags.add(*tags)
        doc.save()
    if created:
        doc.save_revision().publish()
    return doc


def _text(document, effective_from, rows):
    version, _ = LegalVersion.objects.get_or_create(
        document=document, effective_from=effective_from
    )
    have = list(
        version.provisions.order_by("sort_order").values_list("level", "number", "title", "text")
    )
    if have != rows:
        replace_provisions(version, [ProvisionData(*row) for row in rows])
    return version


def _relate(documents, relation):
    DocumentRelation.objects.get_or_create(
        source=documents[relation["source"]],
        relation_type=relation["type"],
        target=documents[relation["target"]],
        target_provision=relation.get("target_provision", ""),
        defaults={"note": relation.get("note", "")},
    )


def _amend(documents, amending, change):
    """The amending document's changes, applied once (the new version is dated)."""
    target = documents[change["document"]]
    effective = day(change["effective_from"])
    if not LegalVersion.objects.filter(document=target, effective_from=effective).exists():
        amend(target, amending, effective, change["changes"])


def load(out):
    data = read_json(__name__, "documents.json")
    for body in data["issuing_bodies"]:
        IssuingBody.objects.update_or_create(
            code=body["code"],
            defaults={
                "name": body["name"],
                "place": body["place"],
                "parent_name": body["parent_name"],
            },
        )
    fields = {}
    for name in data["legal_fields"]:
        fields[name], _ = LegalField.objects.update_or_create(
            slug=_slug(name), defaults={"name": name}
        )
    sectors = {}
    for name in data["sectors"]:
        sectors[name], _ = Sector.objects.update_or_create(
            slug=_slug(name), defaults={"name": name}
        )
    documents = {}
    for entry in data["documents"]:
        doc = documents[entry["number_symbol"]] = _document(entry, fields, sectors)
        if "text" in entry:
            text = entry["text"]
            _text(doc, day(text["effective_from"]), read_rows(__name__, text["file"]))
        for relation in entry.get("relations", []):
            _relate(documents, relation)
        if "amends" in entry:
            _amend(documents, doc, entry["amends"])

    count = LegalDocument.objects.count()
    versions = LegalVersion.objects.count()
    return f"{count} văn bản, {versions} phiên bản, {IssuingBody.objects.count()} cơ quan ban hành"
