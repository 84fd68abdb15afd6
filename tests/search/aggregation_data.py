"""Random rows (a seeded generator) for every kind of item an app declares figures on:
tasks, review records, dossiers (open, paused, finished late, with letters, missed
re-appointments), survey answers. Real models, indexed through the apps' search_items.
"""

import random
from datetime import date, timedelta

from regulations.planning.choices import Outcome, TaskStatus
from regulations.planning.models import Plan, PlanTask, ReviewRecord

from .factories import legal_document, unit

START = date(2017, 3, 1)


def tasks(rng, units, n=80):
    plans = [
        Plan.objects.create(document=legal_document()),
        Plan.objects.create(document=legal_document("Kế hoạch khác", "99/KH-STTTT")),
    ]
    for i in range(n):
        status = rng.choice(list(TaskStatus.values))
        deadline = None if i % 11 == 0 else START + timedelta(days=rng.randint(0, 150))
        completed = None
        if status == TaskStatus.DONE or rng.random() < 0.1:
            completed = START + timedelta(days=rng.randint(0, 150))
        PlanTask.objects.create(
            plan=rng.choice(plans),
            number=str(i),
            title=f"Nhiệm vụ {i}",
            lead_unit=rng.choice(units),
            recurring=deadline is None,
            reporting_period="hang_quy" if deadline is None else "",
            deadline=deadline,
            status=status,
            completed_on=completed,
        )
    return plans


def reviews(rng, units, plans, n=20):
    from tests.planning.helpers import internal_rule

    rule = internal_rule()
    for i in range(n):
        ReviewRecord.objects.create(
            title=f"Rà soát {i}",
            plan=rng.choice(plans),
            target_kind="quy_che_noi_bo",
            document=rule,
            outcome=rng.choice(list(Outcome.values)),
            reason="Không còn phù hợp",
            responsible_unit=rng.choice(units),
        )


def dossiers(rng, units, n=40):
    from regulations.dossiers.services.letters import confirm_letter
    from regulations.dossiers.services.records import change_status
    from tests.dossiers.factories import at, make_dossier, make_procedure

    procedures = [make_procedure(f"1.00000{k}.000.00.00.H29", unit=units[k]) for k in range(3)]
    for i in range(n):
        day = START + timedelta(days=rng.randint(0, 40))
        received = at(day.year, day.month, day.day, rng.randint(8, 16))
        procedure = rng.choice(procedures)
        fields = {}
        fate = rng.random()
        if fate < 0.4:
            done = day + timedelta(days=rng.randint(0, 12))
            fields["finished_at"] = at(done.year, done.month, done.day, 15)
        dossier = make_dossier(procedure, code=f"HS-{i}", received=received, **fields)
        if 0.4 <= fate < 0.5:
            change_status(dossier, 5, requested_papers="Bản sao giấy phép kinh doanh")
        elif 0.5 <= fate < 0.7 and dossier.due_date:
            issued = dossier.appointment_date + timedelta(days=1)
            new_date = issued + timedelta(days=rng.randint(1, 6))
            confirm_letter(dossier, None, "Chậm trả", new_date, "A", "B", issued_on=issued)


def survey_answers(rng, units, n=30):
    from tests.surveys.factories import ProcedureFactory, criteria, response_with

    chosen = criteria()[:6]
    procedures = [ProcedureFactory(), ProcedureFactory()]
    for i in range(n):
        picked = rng.sample(chosen, rng.randint(1, len(chosen)))
        response = response_with(
            {c: rng.randint(1, 5) for c in picked},
            quarter=rng.choice(["2016-Q4", "2017-Q1", "2017-Q2"]),
            unit=rng.choice([*units, None]),
            procedure=rng.choice([*procedures, None]),
            code=f"HS-{i}",
        )
        response.save()  # the answers were bulk-created: the response's save indexes them


def make_world(seed=7):
    rng = random.Random(seed)
    units = [unit(f"Phòng {i}", sort_order=10 - i) for i in range(4)]
    plans = tasks(rng, units)
    reviews(rng, units, plans)
    dossiers(rng, units)
    survey_answers(rng, units)
