"""Demo survey answers: a few hundred responses over the four quarters of 2017.

Deterministic (seeded), about 80% satisfied with a rising trend over the year, tied
to the demo procedures and their handling units where they exist. Idempotent: each
demo response has a natural key (dossier code DEMO-KS-NNNN) and is created once.
The parameters and comments are in responses.json.
"""

import random
from datetime import datetime, timedelta

from django.utils import timezone

from regulations.demofiles import read_json
from regulations.organisation.models import Unit, UnitKind
from regulations.procedures.models import Procedure
from search.signals import content_changed

from ..models import Answer, Criterion, SurveyMethod, SurveyResponse

DATA = read_json(__name__, "responses.json")
RESPONSES = DATA["responses"]
PREFIX = DATA["prefix"]
# Share satisfied per quarter (the plan's effect over 2017), nudged per factor.
QUARTER_SATISFIED = {int(quarter): share for quarter, share in DATA["quarter_satisfied"].items()}
FACTOR_SHIFT = DATA["factor_shift"]
COMMENTS = DATA["comments"]


def _value(rng, share):
    if rng.random() < share:
        return 5 if rng.random() < 0.42 else 4
    return rng.choices([3, 2, 1], weights=[6, 3, 1])[0]


def _moment(rng, quarter):
    start = datetime(2017, 3 * (quarter - 1) + 1, 1, 8, 0)
    while True:
        day = start + timedelta(days=rng.randrange(0, 90))
        if day.weekday() < 5:
            break
    moment = day.replace(hour=rng.randrange(8, 17), minute=rng.randrange(0, 60))
    return timezone.make_aware(moment)


def load(out):
    method = SurveyMethod.objects.current()
    if method is None:
        return "chưa có phương pháp khảo sát"
    criteria = list(
        Criterion.objects.filter(factor__method=method, active=True).select_related("factor")
    )
    procedures = list(Procedure.objects.filter(live=True).select_related("handling_unit"))
    units = list(Unit.objects.filter(kind__in=[UnitKind.DIVISION, UnitKind.SERVICE_UNIT]))
    existing = set(
        SurveyResponse.objects.filter(dossier_code__startswith=PREFIX).values_list(
            "dossier_code", flat=True
        )
    )
    rng = random.Random(2017)
    created = 0
    answers, new_responses = [], []
    for i in range(1, RESPONSES + 1):
        code = f"{PREFIX}{i:04d}"
        quarter = (i - 1) * 4 // RESPONSES + 1
        moment = _moment(rng, quarter)
        procedure = rng.choice(procedures) if procedures and rng.random() < 0.85 else None
        unit = procedure.handling_unit if procedure else None
        if unit is None and units:
            unit = rng.choice(units)
        comment = rng.choice(COMMENTS) if rng.random() < 0.15 else ""
        values = [
            (c, _value(rng, QUARTER_SATISFIED[quarter] + FACTOR_SHIFT.get(c.factor.code, 0)))
            for c in criteria
            if rng.random() > 0.08
        ]
        if code in existing:
            continue
        response = SurveyResponse.objects.create(
            method=method,
            dossier_code=code,
            submitted_at=moment,
            procedure=procedure,
            unit=unit,
            comments=comment,
        )
        answers += [Answer(response=response, criterion=c, value=v) for c, v in values]
        new_responses.append(response)
        created += 1
    Answer.objects.bulk_create(answers, batch_size=2000)
    for response in new_responses:  # bulk rows send no signal: tell the index
        content_changed.send(sender=SurveyResponse, instance=response)
    total = SurveyResponse.objects.filter(dossier_code__startswith=PREFIX).count()
    return f"{total} phiếu khảo sát mẫu (mới tạo {created})"
