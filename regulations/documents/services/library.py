"""Thư viện văn bản: filtering, facet counts and sorting for the public list."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_noop
from wagtail.search.backends import get_search_backend

from ..models import DocumentType, IssuingBody, LegalDocument, LegalField, ValidityStatus
from ..models.taxonomy import DocumentKind
from ..visibility import public_filter

SORTS = {
    "moi-nhat": (["-issued_date", "-pk"], gettext_noop("Mới ban hành trước")),
    "cu-nhat": (["issued_date", "pk"], gettext_noop("Ban hành sớm trước")),
    "hieu-luc": (["-effective_date", "-pk"], gettext_noop("Mới có hiệu lực trước")),
    "so-ky-hieu": (["number_symbol", "pk"], gettext_noop("Theo số, ký hiệu")),
    "ten": (["title", "pk"], gettext_noop("Theo tên văn bản")),
}
DEFAULT_SORT = "moi-nhat"


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)  # [(value, label, count, selected)]


# param → (queryset lookup, label)
FILTERS = {
    "loai": ("document_type_id", gettext_noop("Loại văn bản")),
    "co_quan": ("issuing_body_id", gettext_noop("Cơ quan ban hành")),
    "nam": ("year", gettext_noop("Năm ban hành")),
    "hieu_luc": ("validity_status", gettext_noop("Tình trạng hiệu lực")),
    "linh_vuc": ("legal_field_id", gettext_noop("Lĩnh vực")),
    "nhom": ("kind", gettext_noop("Nhóm văn bản")),
}


def public_documents():
    """Every document the public may see (regulations.documents.visibility)."""
    return LegalDocument.objects.filter(public_filter())


def parse_filters(params) -> dict:
    """Keep only well-formed filter values: ids and years are digits, codes are choices."""
    chosen = {}
    for param in FILTERS:
        value = (params.get(param) or "").strip()
        if not value:
            continue
        if param in ("loai", "co_quan", "nam", "linh_vuc") and not value.isdigit():
            continue
        if param == "hieu_luc" and value not in ValidityStatus.values:
            continue
        if param == "nhom" and value not in DocumentKind.values:
            continue
        chosen[param] = value
    return chosen


def _apply(queryset, chosen, skip=None):
    for param, value in chosen.items():
        if param != skip:
            queryset = queryset.filter(**{FILTERS[param][0]: value})
    return queryset


def search(queryset, q: str):
    """Documents whose number, title, summary or signer has every word of `q`, through
    Wagtail's search backend, which folds (search.wagtail_backend): "quy che" finds
    "Quy chế". A queryset still, for the filters, facets and sorting."""
    q = (q or "").strip()
    if not q:
        return queryset
    found = get_search_backend().search(q, queryset, order_by_relevance=False)
    return queryset.filter(pk__in=[document.pk for document in found])


def facets(base, chosen) -> list[Facet]:
    """Counts per value, each computed with every other filter applied."""
    names = {
        "loai": dict(DocumentType.objects.values_list("pk", "name")),
        "co_quan": dict(IssuingBody.objects.values_list("pk", "name")),
        "linh_vuc": dict(LegalField.objects.values_list("pk", "name")),
        "hieu_luc": dict(ValidityStatus.choices),
        "nhom": dict(DocumentKind.choices),
    }
    result = []
    for param, (lookup, label) in FILTERS.items():
        rows = (
            _apply(base, chosen, skip=param)
            .exclude(**{f"{lookup}__isnull": True})
            .values(lookup)
            .annotate(n=Count("pk"))
            .order_by()
        )
        options = []
        for row in rows:
            value = row[lookup]
            text = names.get(param, {}).get(value, value)
            options.append((str(value), str(text), row["n"], chosen.get(param) == str(value)))
        if param == "nam":
            options.sort(key=lambda o: o[0], reverse=True)
        else:
            options.sort(key=lambda o: (-o[2], o[1]))
        result.append(Facet(param, label, options))
    return result


def library(params):
    """(page queryset before pagination, facets, chosen filters, sort key)."""
    chosen = parse_filters(params)
    base = search(public_documents(), params.get("q", ""))
    sort = params.get("sap_xep") if params.get("sap_xep") in SORTS else DEFAULT_SORT
    documents = (
        _apply(base, chosen)
        .select_related("document_type", "issuing_body", "legal_field")
        .order_by(*SORTS[sort][0])
    )
    return documents, facets(base, chosen), chosen, sort
