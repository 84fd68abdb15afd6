"""Khảo sát hài lòng in the search module: "survey_answer" items and the declared counts.

Each answer is one staff-only item whose `data` carries the fields of ANSWER_FIELDS
(satisfied = value >= SATISFIED_MIN, computed here); aggregations.py declares the
counts over them.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder

from search import scope
from search.registry import SearchItem

from .aggregations import AGGREGATIONS
from .models import SATISFIED_MIN, Answer, SurveyResponse
from .scope import response_unit_scope

ANSWER_FIELDS = {
    "criterion_id": "long",
    "factor_id": "long",
    "unit_id": "long",
    "procedure_id": "long",
    "quarter": "keyword",
    "value": "integer",
    "satisfied": "boolean",
}


def answer_data(answer: Answer) -> dict:
    response = answer.response
    return {
        "criterion_id": answer.criterion_id,
        "factor_id": answer.criterion.factor_id,
        "unit_id": response.unit_id,
        "procedure_id": response.procedure_id,
        "quarter": response.quarter,
        "value": answer.value,
        "satisfied": answer.value >= SATISFIED_MIN,
    }


def answer_items(answer: Answer):
    response = answer.response
    yield SearchItem(
        kind="survey_answer",
        key=f"survey_answer:{answer.pk}",
        title=_("Phiếu khảo sát %(pk)s") % {"pk": response.pk},
        url=AdminURLFinder().get_edit_url(response) or "",
        date=response.submitted_at.date(),
        public=False,
        scope_key=scope.unit_key(response.unit_id),
        facets={"quarter": response.quarter, "unit": unit.name if (unit := response.unit) else ""},
        data=answer_data(answer),
    )


def answers_queryset():
    return Answer.objects.select_related("response__unit", "criterion")


def answer_search_scope(user):
    """Search shows the answers of the responses the admin listing shows."""
    unit = response_unit_scope(user)
    if unit is False:
        return scope.Scope.NONE
    return scope.units(None if unit is None else [unit.pk])


def register(registry):
    registry.register_label("survey_answer", gettext_lazy("Phiếu khảo sát"))
    registry.register_facet("unit", gettext_lazy("Đơn vị"))
    registry.register_model(
        Answer,
        "survey_answer",
        answer_items,
        queryset=answers_queryset,
        owners={SurveyResponse: lambda response: answers_queryset().filter(response=response)},
        data_fields=ANSWER_FIELDS,
    )
    registry.register_scope("survey_answer", answer_search_scope)
    for aggregation in AGGREGATIONS:
        registry.register_aggregation(aggregation)
