"""Khảo sát hài lòng: the counts behind the satisfaction index, declared once.

Per criterion (and per quarter when `by_quarter`): answers, and satisfied answers
(Hài lòng or Rất hài lòng, value >= SATISFIED_MIN; the item carries `satisfied`,
computed when the answer is indexed). The indices themselves are arithmetic on these
counts (services/index.py), as is the factor of each criterion (the criteria table).
"""

from django.db.models import Q

from search.aggregations import Aggregation, Count, Flag, Is, OrmSource, Param, Prefix, When

from .models import SATISFIED_MIN, Answer


def _year_prefix(year):
    return f"{year}-"  # quarters are "2017-Q1"


SATISFACTION_COUNTS = Aggregation(
    name="satisfaction_index",
    kind="survey_answer",
    doc="Answers and satisfied answers per criterion (and quarter).",
    group_by={"criterion_id": "criterion_id", "quarter": When("by_quarter", "quarter")},
    filters=(
        Is("unit_id", Param("unit_id")),
        Is("procedure_id", Param("procedure_id")),
        Is("quarter", Param("quarter")),
        Prefix("quarter", Param("year", format=_year_prefix)),
    ),
    measures={"answers": Count(), "satisfied": Count(Is("satisfied", True))},
    orm=OrmSource(
        queryset=lambda params: Answer.objects.all(),
        fields={
            "unit_id": "response__unit_id",
            "procedure_id": "response__procedure_id",
            "quarter": "response__quarter",
            "satisfied": Flag(lambda: Q(value__gte=SATISFIED_MIN)),
        },
    ),
)

AGGREGATIONS = [SATISFACTION_COUNTS]
