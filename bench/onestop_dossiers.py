"""Benchmark: the late-dossier report (báo cáo hồ sơ quá hạn) and the CSV import rate.

    python -m bench onestop_dossiers                 # 1,000,000 dossiers
    python -m bench onestop_dossiers --quick         # 50,000 dossiers, 2,000 CSV rows
    python -m bench.onestop_dossiers --dossiers 200000 --csv-rows 5000 --no-es

It builds a fresh SQLite file under var/bench/onestop_dossiers/<count>/ (never the
dev database), bulk-inserts the dossiers (two years, 10 units, 20 procedures, about 12%
late, most late ones with a letter count), then times the report unit heads open:
all data, one year, one unit, through regulations.dossiers.services.reports.late_report
(the embedded engine runs the ORM aggregation on SQLite). Then, if Java and mvn are
present, it indexes the "dossier" items into a real local Elasticsearch node
(bench/es_node.py) through the Elasticsearch engine, checks the totals agree, and times the same
queries. Finally it imports a generated one-stop CSV export through the same service as
`manage.py import_dossiers` (per-row transactions, upsert by code, search indexing on)
and reports rows/s. Results are printed and written to bench/results/.
"""

import argparse
import functools
import json
import os
import random
import shutil
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path

from bench.report import embedded_and_elasticsearch

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench" / "onestop_dossiers"


def setup_django(var_dir: Path):
    sys.path.insert(0, str(ROOT))
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_catalogue():
    from regulations.organisation.models import Unit, UnitKind
    from regulations.procedures.models import Procedure, ProcedureMethod, ProcedureVersion

    units = [
        Unit.objects.get_or_create(
            code=f"bench-{i}", defaults={"name": f"Đơn vị {i}", "kind": UnitKind.DIVISION}
        )[0]
        for i in range(10)
    ]
    procedures = []
    for i in range(20):
        procedure, created = Procedure.objects.get_or_create(
            code=f"9.{i:06d}.000.00.00.H29",
            defaults={
                "name": f"Thủ tục thử tải {i}",
                "slug": f"thu-tuc-thu-tai-{i}",
                "handling_unit": units[i % 10],
            },
        )
        if created:
            version = ProcedureVersion.objects.create(
                procedure=procedure, effective_from=date(2016, 1, 1)
            )
            ProcedureMethod.objects.create(
                version=version, kind="truc_tiep", processing_days=Decimal(3 + i % 8)
            )
            ProcedureMethod.objects.create(
                version=version, kind="truc_tuyen", processing_days=Decimal("2.5") + i % 5
            )
        procedures.append(procedure)
    return units, procedures


def generate(count: int, seed: int = 2017) -> float:
    """Bulk-insert `count` dossiers; the derived columns are filled as save() would."""
    from django.db import transaction
    from django.utils import timezone

    from regulations.calendar.services import WorkCalendar
    from regulations.dossiers.models import Dossier
    from regulations.dossiers.services.appointments import ProcessingTimes

    rng = random.Random(seed)
    calendar, times = WorkCalendar(), ProcessingTimes()
    _units, procedures = make_catalogue()
    days = {
        (p.pk, kind): times.days(p, kind, date(2017, 1, 1))
        for p in procedures
        for kind in ("truc_tiep", "truc_tuyen")
    }
    workdays = [
        date(2017, 1, 3) + timedelta(days=n)
        for n in range(700)
        if calendar.is_working_day(date(2017, 1, 3) + timedelta(days=n))
    ]
    tz = timezone.get_current_timezone()
    started = time.perf_counter()
    batch, made = [], 0

    # Receipt times, due dates and delays repeat across a million rows: the calendar
    # arithmetic is computed once per distinct argument.
    @functools.cache
    def due_on(received, n_days):
        return calendar.add_working_days(received, n_days).date()

    @functools.cache
    def delay_of(due, completed_on):
        return max(calendar.working_days_between(due, completed_on), 0)

    @functools.cache
    def shift(day, n):
        while n:
            day += timedelta(days=1)
            n -= calendar.is_working_day(day)
        return day

    with transaction.atomic():
        for i in range(count):
            procedure = procedures[rng.randrange(20)]
            kind = "truc_tiep" if rng.random() < 0.7 else "truc_tuyen"
            received = datetime.combine(
                workdays[rng.randrange(len(workdays))], dtime(rng.choice([8, 9, 10, 14, 15]))
            ).replace(tzinfo=tz)
            due = due_on(received, days[(procedure.pk, kind)])
            roll = rng.random()
            finished = returned = None
            status, letters = 10, 0
            if roll < 0.12:  # late
                done = shift(due, rng.randrange(1, 6))
                letters = 1 if rng.random() < 0.9 else 0
            elif roll < 0.14:  # still open
                done, status = None, 4
            else:
                done = max(due - timedelta(days=rng.randrange(0, 3)), received.date())
            if done is not None:
                finished = datetime.combine(done, dtime(16)).replace(tzinfo=tz)
                finished = max(finished, received)
                returned = finished
            completed_on = finished.date() if finished else None
            delay = delay_of(due, completed_on) if completed_on else None
            batch.append(
                Dossier(
                    code=f"B{i:08d}",
                    procedure_id=procedure.pk,
                    method_kind=kind,
                    applicant_name="Người nộp thử tải",
                    applicant_phone=f"09{i:08d}",
                    received_at=received,
                    due_date=due,
                    appointment_date=due,
                    unit_id=procedure.handling_unit_id,
                    status_id=status,
                    finished_at=finished,
                    returned_at=returned,
                    completed_on=completed_on,
                    completed_delay_days=delay,
                    letters_count=letters,
                )
            )
            if len(batch) >= 20_000:
                Dossier.objects.bulk_create(batch, batch_size=2_000)
                made += len(batch)
                batch = []
                print(f"  {made:,}/{count:,}", end="\r", flush=True)
        if batch:
            Dossier.objects.bulk_create(batch, batch_size=2_000)
    return time.perf_counter() - started


def time_queries(repeat: int) -> dict:
    from regulations.dossiers.services.reports import late_report
    from regulations.organisation.models import Unit

    unit = Unit.objects.get(code="bench-3")
    queries = {
        "late report, all data": lambda: late_report(),
        "late report, 2017": lambda: late_report(date(2017, 1, 1), date(2017, 12, 31)),
        "late report, one unit": lambda: late_report(unit_ids=[unit.pk]),
    }
    results = {}
    for name, query in queries.items():
        query()  # warm-up
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            query()
            runs.append(time.perf_counter() - started)
        results[name] = {"median_s": statistics.median(runs), "max_s": max(runs)}
    return results


def _totals():
    from regulations.dossiers.services.reports import late_report, totals

    total = totals(late_report())
    return (total["received"], total["late"], total["letters"], total["late_without_letter"])


def with_elasticsearch(repeat: int) -> dict:
    from bench.es_node import ElasticsearchNode
    from search.engines import set_engine
    from search.engines.elastic import ElasticsearchEngine, make_client
    from search.indexing import all_docs

    cluster = ElasticsearchNode()
    try:
        config = {"ELASTICSEARCH_URL": cluster.url, "TIMEOUT": 300}
        engine = ElasticsearchEngine(make_client(config), prefix="benchdossiers")
        docs, total = all_docs()
        started = time.perf_counter()
        engine.rebuild(docs, total=total)
        engine.refresh()
        indexing = time.perf_counter() - started
        expected = _totals()
        previous = set_engine(engine)
        try:
            got = _totals()
            timings = time_queries(repeat)
        finally:
            set_engine(previous)
        return {
            "indexed_docs": total,
            "indexing_s": indexing,
            "totals_agree": got == expected,
            "totals": {"embedded": expected, "elasticsearch": got},
            "queries": timings,
        }
    finally:
        cluster.close()


def csv_import(rows: int) -> dict:
    from regulations.dossiers.services.importer import import_dossiers

    header = (
        "Mã hồ sơ;Mã thủ tục;Cách thức;Người nộp;Điện thoại;Ngày tiếp nhận;Trạng thái;"
        "Ngày có kết quả\n"
    )
    lines = []
    for i in range(rows):
        day = date(2018, 3, 1) + timedelta(days=i % 200)
        status = 10 if i % 3 else 4
        finished = f"{day + timedelta(days=4):%d/%m/%Y} 16:00" if status == 10 else ""
        lines.append(
            f"CSV{i:07d};9.{i % 20:06d}.000.00.00.H29;Trực tiếp;Nguyễn Văn {i};"
            f"09{i:08d};{day:%d/%m/%Y} 09:30;{status};{finished}\n"
        )
    data = ("\ufeff" + header + "".join(lines)).encode()
    started = time.perf_counter()
    first = import_dossiers(data)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = import_dossiers(data)
    again_s = time.perf_counter() - started
    return {
        "rows": rows,
        "first": {"summary": first.summary(), "seconds": first_s, "rows_per_s": rows / first_s},
        "reimport": {"summary": again.summary(), "seconds": again_s, "rows_per_s": rows / again_s},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--csv-rows", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="50,000 dossiers, 2,000 CSV rows")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-es", action="store_true", help="skip the Elasticsearch engine")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run of the same size (migrated, not regenerated)",
    )
    parser.add_argument("--no-csv", action="store_true", help="skip the CSV import timing")
    args = parser.parse_args(argv)
    if args.quick:
        args.dossiers, args.csv_rows, args.repeat = 50_000, 2_000, 3

    var_dir = BENCH_DIR / str(args.dossiers)
    reuse = args.reuse and (var_dir / "db.sqlite3").exists()
    if not reuse:
        shutil.rmtree(var_dir, ignore_errors=True)
        var_dir.mkdir(parents=True)
    setup_django(var_dir)
    from django.db import connection

    from regulations.dossiers.models import Dossier

    if reuse:
        Dossier.objects.filter(code__startswith="CSV").delete()
        generated = None
        print(f"Reusing {Dossier.objects.count():,} dossiers in {var_dir}")
    else:
        generated = generate(args.dossiers)
        print(f"Generated {args.dossiers:,} dossiers in {generated:.1f} s ({connection.vendor})")
    result = {
        "dossiers": args.dossiers,
        "database": connection.vendor,
        "generate_s": generated,
        "load_average_at_start": os.getloadavg(),
        "embedded": time_queries(args.repeat),
    }
    embedded_and_elasticsearch(
        result, connection.vendor, args.repeat, args.no_es, with_elasticsearch, width=28
    )
    if args.no_csv:
        imported = None
    else:
        imported = csv_import(args.csv_rows)
        result["csv_import"] = imported
    if imported:
        print(
            f"\nCSV import of {args.csv_rows:,} rows: {imported['first']['rows_per_s']:.0f} rows/s "
            f"({imported['first']['summary']}); re-import "
            f"{imported['reimport']['rows_per_s']:.0f} rows/s ({imported['reimport']['summary']})"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    suffix = "-reused" if reuse else ""
    path = out / f"onestop_dossiers-{args.dossiers}{suffix}.json"
    path.write_text(json.dumps(result, indent=2, default=str))
    print(f"\nWrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
