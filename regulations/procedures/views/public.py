"""Public pages: danh mục thủ tục hành chính and one procedure with its history."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from vietnamese.dates import parse_day

from ..models import (
    DossierComponent,
    Procedure,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)
from ..services.catalogue import FACETS, build_catalogue, facet_labels
from ..services.history import version_history

PER_PAGE = 20


def catalogue(request):
    result = build_catalogue(request.GET)
    paginator = Paginator(result.procedures, PER_PAGE)
    page = paginator.get_page(request.GET.get("trang"))
    keep = request.GET.copy()
    keep.pop("trang", None)
    labels = facet_labels()
    facets = [(name, labels[name], result.facets[name]) for name in FACETS]
    return render(
        request,
        "procedures/catalogue.html",
        {
            "catalogue": result,
            "page_obj": page,
            "facets": facets,
            "query_string": keep.urlencode(),
            "filtered": bool(result.query or any(result.selected.values())),
            "active_filters": sum(1 for value in result.selected.values() if value),
        },
    )


def _version_queryset():
    return ProcedureVersion.objects.select_related(
        "decision", "decision__document_type", "decision__issuing_body"
    ).prefetch_related(
        Prefetch("steps", queryset=ProcedureStep.objects.order_by("sort_order")),
        Prefetch("methods", queryset=ProcedureMethod.objects.order_by("sort_order")),
        Prefetch(
            "components",
            queryset=DossierComponent.objects.select_related("form_template").order_by(
                "sort_order"
            ),
        ),
        Prefetch(
            "legal_basis",
            queryset=ProcedureLegalBasis.objects.select_related(
                "document", "document__document_type", "document__issuing_body"
            ).order_by("sort_order"),
        ),
    )


def detail(request, slug):
    procedure = get_object_or_404(
        Procedure.objects.select_related(
            "legal_field", "handling_unit", "procedure_set", "procedure_set__decision"
        ),
        slug=slug,
        live=True,
    )
    versions = list(_version_queryset().filter(procedure=procedure).order_by("effective_from"))
    if not versions:
        raise Http404("Thủ tục chưa có nội dung.")
    today = timezone.localdate()
    on = parse_day(request.GET.get("ngay")) or today
    chosen = request.GET.get("phien_ban", "")
    version = next((v for v in versions if str(v.pk) == chosen), None)
    if version is None:
        in_force = [v for v in versions if v.effective_from <= on]
        version = in_force[-1] if in_force else versions[0]
    current = [v for v in versions if v.effective_from <= today]
    current = current[-1] if current else versions[0]
    history = version_history(procedure)
    return render(
        request,
        "procedures/detail.html",
        {
            "procedure": procedure,
            "version": version,
            "versions": versions,
            "is_current": version.pk == current.pk,
            "current": current,
            "announcing_decision": versions[0].decision
            or (procedure.procedure_set.decision if procedure.procedure_set_id else None),
            "simplifications": history[1:],
        },
    )
