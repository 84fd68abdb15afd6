"""Benchmark: the satisfaction report (chỉ số hài lòng) over many survey answers.

    python -m bench surveys                        # 200,000 answers (or -m bench.onestop_surveys)
    python -m bench.onestop_surveys --quick        # 20,000 answers
    python -m bench.onestop_surveys --answers 50000 --repeat 7 --no-es

It builds a fresh SQLite database in a temporary VAR_DIR (never the dev database),
generates responses (about 21 answers each, four quarters of 2017, 10 units, 20
procedures), then times the report that leadership opens: the criterion, factor and
overall indices for all data, for one unit, for one quarter, and the trend by
quarter. First on the embedded engine (ORM aggregation on SQLite), then through the
Elasticsearch engine on a local a real Elasticsearch node (bench/es_node.py) , after indexing the
"survey_answer" items. Prints the median and worst of --repeat runs per query.
"""

import argparse
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.report import embedded_and_elasticsearch

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir: str):
    sys.path.insert(0, str(ROOT))
    os.environ["VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(answers_wanted: int, seed: int = 2017) -> tuple[int, int]:
    from django.db import transaction
    from django.utils import timezone

    from regulations.organisation.models import Unit, UnitKind
    from regulations.procedures.models import Procedure
    from regulations.surveys.models import Answer, Criterion, SurveyMethod, SurveyResponse

    rng = random.Random(seed)
    method = SurveyMethod.objects.current()
    criteria = list(Criterion.objects.filter(factor__method=method, active=True))
    units = [
        Unit.objects.get_or_create(
            code=f"bench-{i}", defaults={"name": f"Đơn vị {i}", "kind": UnitKind.DIVISION}
        )[0]
        for i in range(10)
    ]
    procedures = [
        Procedure.objects.get_or_create(
            code=f"9.{i:06d}.000.00.00.H26",
            defaults={"name": f"Thủ tục thử tải {i}", "handling_unit": units[i % 10]},
        )[0]
        for i in range(20)
    ]
    per_response = len(criteria) - 2
    n_responses = max(1, answers_wanted // per_response)
    start = timezone.make_aware(datetime(2017, 1, 2, 8, 0))
    made = 0
    batch = 2000
    with transaction.atomic():
        for offset in range(0, n_responses, batch):
            responses = []
            for i in range(offset, min(offset + batch, n_responses)):
                procedure = procedures[rng.randrange(20)]
                moment = start + timedelta(minutes=int(i * 360 * 24 * 60 / n_responses))
                response = SurveyResponse(
                    method=method,
                    submitted_at=moment,
                    procedure=procedure,
                    unit=procedure.handling_unit,
                )
                response.quarter = f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"
                responses.append(response)
            SurveyResponse.objects.bulk_create(responses)
            answers = []
            for response in responses:
                share = 0.72 + 0.14 * (response.submitted_at.month - 1) / 11
                for criterion in rng.sample(criteria, per_response):
                    value = (
                        rng.choice((4, 5))
                        if rng.random() < share
                        else rng.choices((3, 2, 1), (6, 3, 1))[0]
                    )
                    answers.append(Answer(response=response, criterion=criterion, value=value))
            Answer.objects.bulk_create(answers, batch_size=5000)
            made += len(answers)
    return n_responses, made


def time_queries(repeat: int) -> dict:
    from regulations.organisation.models import Unit
    from regulations.surveys.services.index import (
        report_and_trend,
        satisfaction_report,
        satisfaction_trend,
    )

    unit = Unit.objects.filter(code="bench-3").first()
    queries = {
        "report, all data": lambda: satisfaction_report(),
        "report, one unit": lambda: satisfaction_report(unit_id=unit.pk),
        "report, one quarter": lambda: satisfaction_report(quarter="2017-Q3"),
        "trend by quarter": lambda: satisfaction_trend(),
        "report + trend (the admin page)": lambda: report_and_trend(),
    }
    results = {}
    for name, query in queries.items():
        query()  # warm-up
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            query()
            times.append(time.perf_counter() - started)
        results[name] = {"median_s": statistics.median(times), "max_s": max(times)}
    return results


def with_elasticsearch(repeat: int) -> dict:
    from bench.es_node import ElasticsearchNode
    from search.engines import set_engine
    from search.engines.elastic import ElasticsearchEngine, make_client
    from search.indexing import all_docs

    cluster = ElasticsearchNode()
    try:
        config = {"ELASTICSEARCH_URL": cluster.url, "TIMEOUT": 120}
        engine = ElasticsearchEngine(make_client(config), prefix="bench")
        docs, total = all_docs()
        started = time.perf_counter()
        engine.rebuild(docs, total=total)
        engine.refresh()
        indexing = time.perf_counter() - started
        previous = set_engine(engine)
        try:
            from regulations.surveys.services.index import satisfaction_report

            check = satisfaction_report().overall
            set_engine(previous)
            expected = satisfaction_report().overall
            set_engine(engine)
            assert abs(check - expected) < 1e-9, (check, expected)
            timings = time_queries(repeat)
        finally:
            set_engine(previous)
        return {"indexed_docs": total, "indexing_s": indexing, "queries": timings}
    finally:
        cluster.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true", help="20,000 answers, 3 repeats")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-es", action="store_true", help="skip the Elasticsearch engine")
    args = parser.parse_args(argv)
    # A kill runs the finally blocks: the bench node stops, temporary files go.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if args.quick:
        args.answers, args.repeat = 20_000, 3

    with tempfile.TemporaryDirectory(prefix="bench-surveys-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        started = time.perf_counter()
        responses, answers = generate(args.answers)
        generated = time.perf_counter() - started
        print(f"Generated {responses:,} responses, {answers:,} answers in {generated:.1f} s")
        result = {
            "answers": answers,
            "responses": responses,
            "database": connection.vendor,
            "generate_s": generated,
            "embedded": time_queries(args.repeat),
        }
        embedded_and_elasticsearch(
            result, connection.vendor, args.repeat, args.no_es, with_elasticsearch, width=34
        )
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        path = out / f"onestop_surveys-{answers}.json"
        path.write_text(json.dumps(result, indent=2))
        print(f"\nWrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
