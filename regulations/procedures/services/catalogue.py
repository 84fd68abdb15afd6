"""Danh mục thủ tục hành chính: the public list with filters and facet counts.

A department publishes a few hundred procedures, so the live set is loaded once
(with each procedure's versions and methods) and filtered and counted in Python;
each facet's counts honour the other facets' filters and the text query.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import service as search_service
from search.engines.base import SearchUnavailable
from search.query import QueryError
from search.registry import registry
from vietnamese.folding import fold

from ..models import Procedure, ProcedureLevel, ProcedureMethod, ProcedureVersion

FACETS = ("linh_vuc", "co_quan", "cap")


def facet_labels() -> dict:
    """{catalogue filter: label}. Lĩnh vực is the site search's facet "field", named
    where the apps declare facets (registry.facets); the catalogue's other filters
    say more than the search facets do (cơ quan giải quyết, not any đơn vị; the
    search page has no cấp thực hiện)."""
    return {
        "linh_vuc": registry.facets.get("field", _("Lĩnh vực")),
        "co_quan": _("Cơ quan giải quyết"),
        "cap": _("Cấp thực hiện"),
    }


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Catalogue:
    procedures: list
    facets: dict = field(default_factory=dict)  # name -> [FacetOption]
    query: str = ""
    selected: dict = field(default_factory=dict)
    total_live: int = 0


def live_procedures():
    """Live procedures with what the list shows, versions prefetched oldest first."""
    return (
        Procedure.objects.filter(live=True)
        .select_related("legal_field", "handling_unit", "procedure_set")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=ProcedureVersion.objects.order_by("effective_from").prefetch_related(
                    Prefetch("methods", queryset=ProcedureMethod.objects.order_by("sort_order"))
                ),
            )
        )
        .order_by("code")
    )


def current_of(procedure, on=None):
    """The version in force on a date from prefetched versions (or the first, if none yet)."""
    on = on or timezone.localdate()
    versions = list(procedure.versions.all())
    in_force = [v for v in versions if v.effective_from <= on]
    if in_force:
        return max(in_force, key=lambda v: v.effective_from)
    return versions[0] if versions else None


def _values(procedure):
    return {
        "linh_vuc": procedure.legal_field.slug if procedure.legal_field_id else "",
        "co_quan": procedure.handling_unit.code if procedure.handling_unit_id else "",
        "cap": procedure.level,
    }


def _labels(procedure):
    return {
        "linh_vuc": procedure.legal_field.name if procedure.legal_field_id else "",
        "co_quan": procedure.handling_unit.name if procedure.handling_unit_id else "",
        "cap": str(ProcedureLevel(procedure.level).label) if procedure.level else "",
    }


def _matches(procedure, words):
    text = fold(f"{procedure.code} {procedure.name}")
    return all(word in text for word in words)


def _matching(query, everything):
    """The procedures the site search (/tim-kiem/) finds for the query: same engine,
    same folding, same text (name, code, steps, result, requirements)."""
    try:
        found = search_service.search(query, kind=["procedure"], per_page=max(len(everything), 1))
    except QueryError:
        return []
    except SearchUnavailable:  # the engine is down: name and code, folded, still answer
        words = fold(query).split()
        return [p for p in everything if _matches(p, words)]
    keys = {hit.key for hit in found.hits}
    return [p for p in everything if f"procedure:{p.pk}" in keys]


def build_catalogue(params) -> Catalogue:
    """Filter by `q`, `linh_vuc` (field slug), `co_quan` (unit code), `cap` (level)."""
    query = (params.get("q") or "").strip()[:200]
    selected = {name: (params.get(name) or "").strip() for name in FACETS}
    everything = list(live_procedures())
    pool = _matching(query, everything) if query else everything
    facets = {}
    for name in FACETS:
        others = [
            p
            for p in pool
            if all(not selected[o] or _values(p)[o] == selected[o] for o in FACETS if o != name)
        ]
        counts, labels = Counter(), {}
        for p in others:
            value = _values(p)[name]
            if value:
                counts[value] += 1
                labels[value] = _labels(p)[name]
        if selected[name] and selected[name] not in counts:
            counts[selected[name]] += 0
            labels.setdefault(selected[name], selected[name])
        facets[name] = sorted(
            (
                FacetOption(value, labels[value], counts[value], value == selected[name])
                for value in counts
            ),
            key=lambda o: fold(o.label),
        )
    chosen = [
        p for p in pool if all(not selected[n] or _values(p)[n] == selected[n] for n in FACETS)
    ]
    today = timezone.localdate()
    for p in chosen:
        p.current = current_of(p, today)
    return Catalogue(chosen, facets, query, selected, len(everything))
