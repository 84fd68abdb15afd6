"""Read-only Wagtail API v2 endpoint for thủ tục hành chính: /api/v2/procedures/.

Listing: id, code, name, level, field, handling unit, current version (methods with
processing days and fees, dossier components with quantities and form URLs).
Detail adds the steps, agencies, result, requirements and legal basis.
Filters: ?code=…, ?level=tinh, ?legal_field=<id>, ?handling_unit=<id>, ?search=…,
?order=code. Only live (published) procedures are served.
"""

from django.db.models import Prefetch
from django.utils import timezone
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from cms.api_fields import NamedField
from cms.api_inputs import ValidatedAPIMixin
from regulations.documents.visibility import UNPUBLISHED_LABEL, is_public

from .models import (
    DossierComponent,
    Procedure,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)
from .services.legal_basis import document_url


def _absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


class MethodSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    processing_days = serializers.DecimalField(
        max_digits=5, decimal_places=1, coerce_to_string=False
    )
    fee = serializers.DecimalField(max_digits=14, decimal_places=0, coerce_to_string=False)

    class Meta:
        model = ProcedureMethod
        fields = [
            "kind",
            "kind_label",
            "processing_days",
            "processing_note",
            "fee",
            "fee_description",
        ]


class ComponentSerializer(serializers.ModelSerializer):
    quantity = serializers.CharField(source="quantity_label")
    form_template = serializers.SerializerMethodField()

    class Meta:
        model = DossierComponent
        fields = ["name", "originals", "copies", "quantity", "note", "form_template"]

    def get_form_template(self, component):
        doc = component.form_template
        if doc is None:
            return None
        request = self.context.get("request")
        return {"title": doc.title, "url": _absolute(request, doc.url)}


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProcedureStep
        fields = ["title", "description"]


def _decision(doc, request):
    """A decision as {number, title, date, url}; of a document that is not public
    (regulations.documents.visibility) only that it exists."""
    if doc is None:
        return None
    if not is_public(doc):
        return {
            "number_symbol": None,
            "title": None,
            "issued_date": None,
            "url": None,
            "published": False,
            "label": str(UNPUBLISHED_LABEL),
        }
    return {
        "number_symbol": doc.number_symbol,
        "title": doc.title,
        "issued_date": doc.issued_date,
        "url": _absolute(request, document_url(doc)),
        "published": True,
    }


class LegalBasisSerializer(serializers.ModelSerializer):
    """A legal basis; when its document is not public, no number, title, summary,
    date or issuer, only "published": false and the neutral label."""

    number_symbol = serializers.CharField(source="document.number_symbol")
    title = serializers.CharField(source="document.title")
    summary = serializers.CharField(source="document.summary")
    issued_date = serializers.DateField(source="document.issued_date")
    issuing_body = serializers.SerializerMethodField()
    provision = serializers.CharField(source="provision_citation")
    url = serializers.SerializerMethodField()

    class Meta:
        model = ProcedureLegalBasis
        fields = [
            "number_symbol",
            "title",
            "summary",
            "issued_date",
            "issuing_body",
            "provision_path",
            "provision",
            "url",
        ]

    def to_representation(self, basis):
        data = super().to_representation(basis)
        public = is_public(basis.document)
        data["published"] = public
        if not public:
            for key in ("number_symbol", "title", "summary", "issued_date", "issuing_body"):
                data[key] = None
            data["url"] = None
            data["label"] = str(UNPUBLISHED_LABEL)
        return data

    def get_issuing_body(self, basis):
        body = basis.document.issuing_body
        return body.name if body else ""

    def get_url(self, basis):
        return _absolute(self.context.get("request"), basis.url)


class VersionSerializer(serializers.ModelSerializer):
    decision = serializers.SerializerMethodField()
    methods = MethodSerializer(many=True)
    components = ComponentSerializer(many=True)

    class Meta:
        model = ProcedureVersion
        fields = ["id", "effective_from", "decision", "change_summary", "methods", "components"]

    def get_decision(self, version):
        return _decision(version.decision, self.context.get("request"))


class VersionDetailSerializer(VersionSerializer):
    steps = StepSerializer(many=True)
    legal_basis = LegalBasisSerializer(many=True)

    class Meta(VersionSerializer.Meta):
        fields = VersionSerializer.Meta.fields + [
            "steps",
            "applicants",
            "implementing_agency",
            "competent_agency",
            "coordinating_agency",
            "submission_place",
            "result",
            "requirements",
            "legal_basis",
        ]


class CurrentVersionField(serializers.Field):
    """The version in force today, chosen from the prefetched versions; the listing
    shows methods and components, the detail view everything."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, procedure):
        today = timezone.localdate()
        versions = sorted(procedure.versions.all(), key=lambda v: v.effective_from)
        in_force = [v for v in versions if v.effective_from <= today]
        version = in_force[-1] if in_force else (versions[0] if versions else None)
        if version is None:
            return None
        view = self.context.get("view")
        detail = view is not None and getattr(view, "action", "") == "detail_view"
        serializer_class = VersionDetailSerializer if detail else VersionSerializer
        return serializer_class(version, context=self.context).data


class LevelLabelField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, procedure):
        return procedure.get_level_display()


class PublicUrlField(LevelLabelField):
    def to_representation(self, procedure):
        return _absolute(self.context.get("request"), procedure.get_absolute_url())


class ProceduresAPIViewSet(ValidatedAPIMixin, BaseAPIViewSet):
    name = "procedures"
    model = Procedure
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = BaseAPIViewSet.body_fields + [
        "code",
        "name",
        "slug",
        "level",
        APIField("level_label", serializer=LevelLabelField()),
        "procedure_type",
        APIField("legal_field", serializer=NamedField(extra="slug")),
        APIField("handling_unit", serializer=NamedField(extra="code")),
        APIField("procedure_set", serializer=NamedField()),
        APIField("current_version", serializer=CurrentVersionField()),
    ]
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("html_url", serializer=PublicUrlField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "html_url",
        "code",
        "name",
        "level",
        "legal_field",
        "handling_unit",
        "current_version",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["code", "name"]

    def get_queryset(self):
        versions = ProcedureVersion.objects.select_related("decision").prefetch_related(
            Prefetch("methods", queryset=ProcedureMethod.objects.order_by("sort_order")),
            Prefetch(
                "components",
                queryset=DossierComponent.objects.select_related("form_template").order_by(
                    "sort_order"
                ),
            ),
            Prefetch("steps", queryset=ProcedureStep.objects.order_by("sort_order")),
            Prefetch(
                "legal_basis",
                queryset=ProcedureLegalBasis.objects.select_related(
                    "document", "document__issuing_body", "document__document_type"
                ).order_by("sort_order"),
            ),
        )
        return (
            Procedure.objects.filter(live=True)
            .select_related("legal_field", "handling_unit", "procedure_set")
            .prefetch_related(Prefetch("versions", queryset=versions))
            .order_by("code")
        )
