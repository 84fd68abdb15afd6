"""Chỉ số hài lòng: per criterion, per factor and overall (docs/domain.md, SIPAS).

- criterion index = share of answers that are Hài lòng (4) or Rất hài lòng (5);
- factor index = mean of the indices of its criteria (those that have answers);
- overall index = mean of the factor indices (those that have answers).

The counts (answers and satisfied answers per criterion, optionally per quarter) are
declared in surveys/aggregations.py and run by the search module on the configured
engine: `satisfaction_counts()` is the one function that asks for them.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from search.service import aggregate

from ..aggregations import SATISFACTION_COUNTS
from ..models import Criterion, Factor, SurveyMethod, SurveyResponse

# Below this many forms (phiếu) in a quarter, its index is shown but marked "mẫu nhỏ":
# one form of Q4/2026 must not read like the hundred forms of Q4/2017.
SMALL_SAMPLE_FORMS = 30


def satisfaction_counts(
    *, unit_id=None, procedure_id=None, quarter=None, year=None, by_quarter=False
) -> list[dict]:
    """Rows {criterion_id, factor_id, answers, satisfied[, quarter]}: the declared
    counts on the configured engine, with the factor of each criterion from the small
    criteria table (not a join per answer)."""
    rows = aggregate(
        SATISFACTION_COUNTS,
        unit_id=unit_id,
        procedure_id=procedure_id,
        quarter=quarter,
        year=year,
        by_quarter=by_quarter,
    )
    factor_of = dict(Criterion.objects.values_list("pk", "factor_id"))
    return [{**row, "factor_id": factor_of.get(row["criterion_id"])} for row in rows]


def form_counts(*, unit_id=None, procedure_id=None) -> dict[str, int]:
    """{quarter: number of forms (phiếu)}: a form has many answers (one per criterion).

    Counted on the responses table (one row per form, indexed by quarter), which is
    small beside the answers the search module aggregates.
    """
    responses = SurveyResponse.objects.all()
    if unit_id:
        responses = responses.filter(unit_id=unit_id)
    if procedure_id:
        responses = responses.filter(procedure_id=procedure_id)
    rows = responses.values("quarter").annotate(forms=Count("id")).order_by()
    return {row["quarter"]: row["forms"] for row in rows}


@dataclass
class IndexRow:
    id: int
    label: str
    answers: int = 0
    satisfied: int = 0
    index: float | None = None  # 0..1
    factor_id: int | None = None


@dataclass
class SatisfactionReport:
    criteria: list[IndexRow] = field(default_factory=list)
    factors: list[IndexRow] = field(default_factory=list)
    overall: float | None = None
    answers: int = 0
    forms: int = 0  # phiếu khảo sát (each with up to one answer per criterion)

    @property
    def small_sample(self) -> bool:
        return self.forms < SMALL_SAMPLE_FORMS


def _mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def compute_report(rows: list[dict], method: SurveyMethod | None = None) -> SatisfactionReport:
    """Criterion, factor and overall indices from count rows (pure arithmetic)."""
    totals: dict[int, list[int]] = {}
    for row in rows:
        pair = totals.setdefault(row["criterion_id"], [0, 0])
        pair[0] += row["answers"]
        pair[1] += row["satisfied"]
    criteria = Criterion.objects.select_related("factor").order_by(
        "factor__sort_order", "factor_id", "sort_order", "pk"
    )
    factors = Factor.objects.order_by("sort_order", "pk")
    if method is not None:
        criteria = criteria.filter(factor__method=method)
        factors = factors.filter(method=method)
    report = SatisfactionReport()
    for criterion in criteria:
        answers, satisfied = totals.get(criterion.pk, (0, 0))
        if not answers and not criterion.active:
            continue
        report.criteria.append(
            IndexRow(
                id=criterion.pk,
                label=criterion.text,
                answers=answers,
                satisfied=satisfied,
                index=satisfied / answers if answers else None,
                factor_id=criterion.factor_id,
            )
        )
    for factor in factors:
        own = [row for row in report.criteria if row.factor_id == factor.pk]
        if not own:
            continue
        report.factors.append(
            IndexRow(
                id=factor.pk,
                label=factor.name,
                answers=sum(row.answers for row in own),
                satisfied=sum(row.satisfied for row in own),
                index=_mean(row.index for row in own),
            )
        )
    report.overall = _mean(row.index for row in report.factors)
    report.answers = sum(row.answers for row in report.criteria)
    return report


def satisfaction_report(*, unit_id=None, procedure_id=None, quarter=None, year=None, method=None):
    rows = satisfaction_counts(
        unit_id=unit_id, procedure_id=procedure_id, quarter=quarter, year=year
    )
    return compute_report(rows, method)


@dataclass
class TrendPoint:
    quarter: str
    overall: float | None
    answers: int
    factors: list[IndexRow]
    forms: int = 0

    @property
    def small_sample(self) -> bool:
        return self.forms < SMALL_SAMPLE_FORMS


def _trend(rows: list[dict], method=None) -> list[TrendPoint]:
    per_quarter: dict[str, list[dict]] = {}
    for row in rows:
        per_quarter.setdefault(row["quarter"], []).append(row)
    points = []
    for quarter in sorted(per_quarter):
        report = compute_report(per_quarter[quarter], method)
        points.append(TrendPoint(quarter, report.overall, report.answers, report.factors))
    return points


def satisfaction_trend(*, unit_id=None, procedure_id=None, year=None, method=None):
    """The overall and factor indices for each quarter that has answers, in order."""
    rows = satisfaction_counts(
        unit_id=unit_id, procedure_id=procedure_id, year=year, by_quarter=True
    )
    return _trend(rows, method)


def report_and_trend(*, unit_id=None, procedure_id=None, quarter=None, method=None):
    """The report (for one quarter or all) and the trend, from a single aggregation."""
    rows = satisfaction_counts(unit_id=unit_id, procedure_id=procedure_id, by_quarter=True)
    selected = [row for row in rows if row["quarter"] == quarter] if quarter else rows
    report, trend = compute_report(selected, method), _trend(rows, method)
    forms = form_counts(unit_id=unit_id, procedure_id=procedure_id)
    report.forms = forms.get(quarter, 0) if quarter else sum(forms.values())
    for point in trend:
        point.forms = forms.get(point.quarter, 0)
    return report, trend


def quarter_label(quarter: str) -> str:
    """ "2017-Q1" → "Quý 1/2017"."""
    year, _, number = quarter.partition("-Q")
    return f"Quý {number}/{year}" if number else quarter
