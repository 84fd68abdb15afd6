"""Read-only Wagtail API v2 endpoints for văn bản and quy định.

- /api/v2/documents/: live documents. Listing: number/symbol, title, type, issuer,
  dates, validity status, versions (each with its date range, amending document and
  the URL of its provisions). Detail adds relations from both sides with their
  wording. Filters: ?kind=, ?year=, ?validity_status=, ?type_code=, ?issuer_code=,
  ?number_symbol=, ?search=, ?order=.
- /api/v2/provisions/?document=<id>&date=YYYY-MM-DD: the provisions of the version
  in force on the date (today by default), in reading order; ?version=<id> picks a
  version instead; ?level=dieu filters. Without document: the provisions in force
  of every live document.

A related document (amending document of a version, changed_by of a provision, the
other side of a relation) shows its number and title only when it is public
(visibility.reference); otherwise {"published": false, "label": "văn bản chưa công bố"}.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from cms.api_fields import NamedField
from cms.api_inputs import ValidatedAPIMixin
from cms.inputs import InputError, parse_date, parse_int
from cms.private_files import public_file

from .models import LegalDocument, Provision
from .services.library import public_documents
from .services.versions import version_on, version_ranges
from .visibility import public_filter, reference, version_note


def _absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


class WholeField(serializers.Field):
    """A field computed from the whole object."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class LabelField(WholeField):
    def __init__(self, field_name, **kwargs):
        self.choice_field = field_name
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return getattr(obj, f"get_{self.choice_field}_display")()


class HtmlUrlField(WholeField):
    def to_representation(self, obj):
        return _absolute(self.context.get("request"), obj.get_absolute_url())


class FileUrlField(WholeField):
    def to_representation(self, document):
        file = public_file(document.original_file)
        return _absolute(self.context.get("request"), file.url) if file else None


def _doc_ref(doc, request):
    """A related document: number and title only when it is public (visibility)."""
    return reference(doc, request)


class VersionsField(WholeField):
    """Each legal version with the dates it is in force and its amending document."""

    def to_representation(self, document):
        request = self.context.get("request")
        result = []
        for r in version_ranges(document):
            provisions = f"/api/v2/provisions/?version={r.version.pk}"
            result.append(
                {
                    "id": r.version.pk,
                    "effective_from": r.start.isoformat(),
                    "effective_to": r.end.isoformat() if r.end else None,
                    "amending_document": _doc_ref(r.version.amending_document, request),
                    "note": version_note(r.version),
                    "provisions_url": _absolute(request, provisions),
                }
            )
        return result


class RelationsField(WholeField):
    """Relations from both sides, each worded from this document's side."""

    def to_representation(self, document):
        request = self.context.get("request")
        out = [
            {
                "relation": rel.relation_type,
                "label": str(rel.forward_label),
                "direction": "out",
                "document": _doc_ref(rel.target, request),
                "target_provision": rel.target_provision,
                "source_provision": rel.source_provision,
            }
            for rel in document.relations_out.filter(public_filter("target__")).select_related(
                "target"
            )
        ]
        incoming = [
            {
                "relation": rel.relation_type,
                "label": str(rel.backward_label),
                "direction": "in",
                "document": _doc_ref(rel.source, request),
                "target_provision": rel.target_provision,
                "source_provision": rel.source_provision,
            }
            for rel in document.relations_in.filter(public_filter("source__")).select_related(
                "source"
            )
        ]
        return out + incoming


class DocumentTypeField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.document_type

    def to_representation(self, doc_type):
        return {"id": doc_type.pk, "name": doc_type.name, "abbreviation": doc_type.abbreviation}


class LegalDocumentsAPIViewSet(ValidatedAPIMixin, BaseAPIViewSet):
    name = "documents"
    model = LegalDocument
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = BaseAPIViewSet.body_fields + [
        "number_symbol",
        "title",
        "summary",
        "slug",
        "kind",
        APIField("kind_label", serializer=LabelField("kind")),
        APIField("document_type", serializer=DocumentTypeField()),
        "number",
        "year",
        "type_code",
        "issuer_code",
        APIField("issuing_body", serializer=NamedField(extra="code")),
        "signer_name",
        "signer_title",
        "issued_date",
        "effective_date",
        "expiry_date",
        "validity_status",
        APIField("validity_label", serializer=LabelField("validity_status")),
        APIField("legal_field", serializer=NamedField(extra="slug")),
        APIField("sector", serializer=NamedField(extra="slug")),
        "tags",
        APIField("original_file_url", serializer=FileUrlField()),
        APIField("versions", serializer=VersionsField()),
        APIField("relations", serializer=RelationsField()),
    ]
    meta_fields = BaseAPIViewSet.meta_fields + [APIField("html_url", serializer=HtmlUrlField())]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "html_url",
        "number_symbol",
        "title",
        "document_type",
        "issuing_body",
        "issued_date",
        "effective_date",
        "validity_status",
        "validity_label",
        "versions",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["number_symbol", "title"]

    def get_queryset(self):
        return (
            public_documents()
            .select_related(
                "document_type", "issuing_body", "legal_field", "sector", "original_file"
            )
            .order_by("-issued_date", "pk")
        )


class ProvisionDocumentField(WholeField):
    def to_representation(self, provision):
        return _doc_ref(provision.version.document, self.context.get("request"))


class ProvisionVersionField(WholeField):
    def to_representation(self, provision):
        return {"id": provision.version_id, "effective_from": provision.version.effective_from}


class ChangedByField(WholeField):
    def to_representation(self, provision):
        return _doc_ref(provision.changed_by, self.context.get("request"))


class CitationField(WholeField):
    def to_representation(self, provision):
        return provision.citation


class ProvisionLabelField(WholeField):
    def to_representation(self, provision):
        return provision.label


class ProvisionsAPIViewSet(ValidatedAPIMixin, BaseAPIViewSet):
    name = "provisions"
    model = Provision
    filter_backends = [FieldsFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["document", "date", "version"]
    )
    body_fields = BaseAPIViewSet.body_fields + [
        "path",
        APIField("citation", serializer=CitationField()),
        "level",
        "number",
        "title",
        APIField("label", serializer=ProvisionLabelField()),
        "text",
        "depth",
        "sort_order",
        APIField("document", serializer=ProvisionDocumentField()),
        APIField("legal_version", serializer=ProvisionVersionField()),
        APIField("changed_by", serializer=ChangedByField()),
    ]
    meta_fields = BaseAPIViewSet.meta_fields + [APIField("html_url", serializer=HtmlUrlField())]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "html_url",
        "path",
        "citation",
        "level",
        "number",
        "title",
        "text",
        "document",
        "legal_version",
        "changed_by",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["path", "citation"]

    def _date(self):
        raw = self.request.GET.get("date")
        if not raw:
            return None
        try:
            return parse_date(raw, "date")
        except InputError as exc:
            raise BadRequestError(str(exc)) from None

    def _id(self, param):
        raw = self.request.GET.get(param)
        if raw is None:
            return None
        try:
            return parse_int(raw, param)
        except InputError as exc:
            raise BadRequestError(str(exc)) from None

    def get_queryset(self):
        base = Provision.objects.filter(
            public_filter("version__document__"), version__is_draft=False
        ).select_related("version", "version__document", "changed_by")
        on = self._date()
        version_id = self._id("version")
        document_id = self._id("document")
        if version_id is not None:
            return base.filter(version_id=version_id).order_by("sort_order")
        if document_id is not None:
            document = public_documents().filter(pk=document_id).first()
            if document is None:
                raise BadRequestError(f"document: không có văn bản công khai có id {document_id}.")
            version = version_on(document, on)
            if version is None:
                return base.none()
            return base.filter(version=version).order_by("sort_order")
        # Every live document: the version in force on the date for each.
        wanted = [
            v.pk
            for doc in public_documents().filter(versions__isnull=False).distinct()
            if (v := version_on(doc, on)) is not None
        ]
        return base.filter(Q(version_id__in=wanted)).order_by("version__document_id", "sort_order")

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = get_object_or_404(
                Provision.objects.filter(public_filter("version__document__")).select_related(
                    "version", "version__document", "changed_by"
                ),
                pk=self.kwargs["pk"],
            )
        return self._cached_object
