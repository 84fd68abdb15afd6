"""Demo dossiers: a year (2017) at the one-stop counter for the demo procedures.

Deterministic (random.Random(2017)) and idempotent: a dossier whose code exists is left
alone, so a second load creates nothing. About 12% finish late; most late dossiers get
an apology letter, a few do not (they show up in the report's "without a letter"
column), and a few are still open. Without procedures nothing is created. The counts,
names and streets are in applicants.json.
"""

import random
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.utils import timezone

from regulations.calendar.services import WorkCalendar
from regulations.demofiles import read_json
from regulations.procedures.models import Procedure

from ..models import Dossier
from ..models.status import MORE_PAPERS
from ..services.appointments import ProcessingTimes, compute_due_date
from ..services.letters import confirm_letter, default_signer, draft_letter
from ..services.records import save_dossier

NAMES = read_json(__name__, "applicants.json")
COUNT = NAMES["count"]
YEAR = NAMES["year"]
FAMILY, MIDDLE, GIVEN = NAMES["family"], NAMES["middle"], NAMES["given"]
STREETS, COMPANIES = NAMES["streets"], NAMES["companies"]
REQUESTED_PAPERS = "\n".join(NAMES["requested_papers"])
# The apology letters' reason, and who signs when the unit has no head on record.
LETTERS = NAMES["letters"]


def _working_moment(rng, calendar, day):
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    hour = rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
    return timezone.make_aware(datetime.combine(day, time(hour, rng.choice([0, 15, 30, 45]))))


def _working_moment_on(calendar, day, like):
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, timezone.localtime(like).time()))


def _shift(calendar, day, working_days):
    """A date `working_days` working days after (or before, if negative) `day`."""
    step = 1 if working_days >= 0 else -1
    remaining = abs(working_days)
    while remaining:
        day += timedelta(days=step)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def _at(day, hour=15):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _create(i, code, procedure, received_at, draw, calendar, times) -> bool:
    roll = draw["outcome"]
    outcome = (
        "late_open" if roll < 0.02 else "late" if roll < 0.14 else "open" if roll < 0.16 else "ok"
    )
    if outcome in ("open", "late_open"):
        # Dossiers still being handled are recent, so the dashboard has due-soon and
        # late ones whatever the day the demo is loaded.
        back = draw["back"] if outcome == "open" else draw["back_late"]
        today = timezone.localdate()
        received_at = _working_moment_on(calendar, _shift(calendar, today, -back), received_at)
    received_on = timezone.localtime(received_at).date()
    kinds = sorted(
        {
            m.kind
            for v in procedure.versions.filter(effective_from__lte=received_on)
            for m in v.methods.all()
        }
    )
    if not kinds:
        return False
    method = kinds[int(draw["method"] * len(kinds))]
    try:
        due = compute_due_date(procedure, method, received_at, calendar, times)
    except ValidationError:  # the version in force has no such method: skip
        return False
    family, middle, given, company = draw["name"]
    dossier = Dossier(
        code=code,
        procedure=procedure,
        method_kind=method,
        applicant_name=company if draw["company"] < 0.2 else f"{family} {middle} {given}",
        applicant_phone=draw["phone"],
        applicant_email=f"nguoinop{i}@example.vn" if draw["email"] < 0.5 else "",
        applicant_address=draw["address"],
        received_at=received_at,
        unit=procedure.handling_unit,
        due_date=due,
        appointment_date=due,
    )
    if outcome == "ok":
        done = max(_shift(calendar, due, -draw["early"]), received_on)
        dossier.status_id = 10
        dossier.finished_at = max(_at(done, 10), received_at)
        dossier.returned_at = max(_at(done, 15), received_at)
    elif outcome == "late":
        done = _shift(calendar, due, draw["delay"])
        dossier.status_id = 10 if draw["returned"] < 0.8 else 9
        dossier.finished_at = _at(done, 10)
        dossier.returned_at = _at(done, 15) if dossier.status_id == 10 else None
    else:
        dossier.status_id = draw["open_status"]
        if dossier.status_id == MORE_PAPERS:  # the clock stops; the lookup page lists these
            dossier.requested_papers = REQUESTED_PAPERS
    save_dossier(dossier, note="Dữ liệu mẫu", calendar=calendar, times=times)
    # Most late dossiers get their letter the working day after the due date.
    if dossier.is_late() and draw["letter"] < 0.85:
        issued = min(_shift(calendar, due, 1), timezone.localdate())
        if dossier.completed_on:
            new_date = max(dossier.completed_on, issued)
        else:
            new_date = _shift(calendar, issued, 5)
        signer_name, signer_title = default_signer(dossier)
        confirm_letter(
            dossier,
            None,
            LETTERS["reason"],
            new_date,
            signer_name or LETTERS["signer"]["name"],
            signer_title or LETTERS["signer"]["title"],
            issued_on=issued,
            notify=False,
        )
    elif dossier.is_late() and dossier.completed_on is None:
        # The others wait for the leadership's sign-off (Phiếu xin lỗi chờ ký).
        today = timezone.localdate()
        signer_name, signer_title = default_signer(dossier)
        draft_letter(
            dossier,
            None,
            LETTERS["reason"],
            _shift(calendar, max(today, dossier.appointment_date), 5),
            signer_name or LETTERS["awaiting_signer"]["name"],
            signer_title or LETTERS["awaiting_signer"]["title"],
            issued_on=today,
        )
    return True


def load(out):
    procedures = list(
        Procedure.objects.filter(versions__methods__isnull=False, handling_unit__isnull=False)
        .annotate(first=Min("versions__effective_from"))
        .filter(first__lte=date(YEAR, 11, 30))
        .select_related("handling_unit")
        .distinct()
        .order_by("code")
    )
    if not procedures:
        return "0 hồ sơ: chưa có thủ tục hành chính có cách thức (demo thủ tục chưa nạp)"
    rng = random.Random(YEAR)
    calendar, times = WorkCalendar(), ProcessingTimes()
    created = letters = 0
    for i in range(1, COUNT + 1):
        # Every random draw happens before the existence check, so a second load walks
        # the same sequence and finds the same codes.
        procedure = rng.choice(procedures)
        start = max(procedure.first, date(YEAR, 1, 3))
        span = (date(YEAR, 12, 10) - start).days
        received_at = _working_moment(rng, calendar, start + timedelta(days=rng.randrange(span)))
        draw = {
            "outcome": rng.random(),
            "method": rng.random(),
            "company": rng.random(),
            "name": (
                rng.choice(FAMILY),
                rng.choice(MIDDLE),
                rng.choice(GIVEN),
                rng.choice(COMPANIES),
            ),
            "phone": f"09{rng.randrange(10**8):08d}",
            "email": rng.random(),
            "address": f"Số {rng.randrange(1, 200)} {rng.choice(STREETS)}, Hà Nội",
            "early": rng.randrange(0, 3),
            "delay": rng.randrange(1, 6),
            "returned": rng.random(),
            "open_status": rng.choice([4, 5]),
            "letter": rng.random(),
            "back": rng.randrange(0, 8),
            "back_late": rng.randrange(12, 30),
        }
        code = f"000.00.26.H29-{YEAR % 100}{i:04d}"
        if Dossier.objects.filter(code=code).exists():
            continue
        if _create(i, code, procedure, received_at, draw, calendar, times):
            created += 1
            letters += Dossier.objects.get(code=code).letters_count
    total = Dossier.objects.count()
    return f"{total} hồ sơ ({created} mới, {letters} phiếu xin lỗi mới)"
