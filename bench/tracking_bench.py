"""The search benchmark's tracking step (`python -m bench search`, step 6, and
`--tracking-only`): the plan's task-tracking aggregations (theo dõi nhiệm vụ: per unit,
completions per month) over generated tasks, on the embedded engine (ORM) and on a real
Elasticsearch node (bench/es_node.py), with a check that both give the same numbers."""

import random
import tempfile
import time
from datetime import date, timedelta

from bench.es_node import ElasticsearchNode
from bench.search_setup import setup_django
from bench.search_stats import ms

#: The day the aggregations are asked on (late, due soon… are relative to it).
TODAY = date(2017, 9, 15)


def bench_tracking(n_tasks, n_units, repeat, with_es=True):
    """(embedded task_tracking times, embedded per-month times, the same two on
    Elasticsearch, whether both engines agree) — the last three empty/None without ES."""
    # The planning services and the engines: imported once setup_django() has run.
    from regulations.planning.services import tracking as orm
    from search.engines import set_engine
    from search.engines.embedded import EmbeddedEngine

    plan = _plan_with_tasks(n_tasks, n_units)
    params = {"plan_id": plan.pk, "today": TODAY}

    def tracking():
        return orm.task_tracking(**params)

    def by_month():
        return orm.completions_by_month(plan_id=plan.pk)

    set_engine(EmbeddedEngine())
    orm_times = _timed(tracking, repeat)
    orm_month = _timed(by_month, repeat)
    embedded_rows = tracking(), by_month()
    if not with_es:
        return orm_times, orm_month, [], [], None
    cluster = ElasticsearchNode()
    try:
        _index_tasks_on(cluster)
        es_times = _timed(tracking, repeat)
        es_month = _timed(by_month, repeat)
        same = tracking() == embedded_rows[0]
        same_month = by_month() == embedded_rows[1]
    finally:
        set_engine(None)
        cluster.close()
    return orm_times, orm_month, es_times, es_month, same and same_month


def _timed(fn, repeat):
    """Seconds of each of `repeat` runs of fn, after one warm-up run (as for the queries)."""
    fn()
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def _plan_with_tasks(n_tasks, n_units):
    """Plan 572/KH-STTTT with n_tasks tasks of random status and deadline in 2017, led in
    turn by n_units units (fixed seed)."""
    from regulations.documents.models import DocumentKind, DocumentType, LegalDocument
    from regulations.organisation.models import Unit, UnitKind
    from regulations.planning.choices import TaskStatus
    from regulations.planning.models import Plan, PlanTask

    rng = random.Random(50)
    dt, _ = DocumentType.objects.get_or_create(
        name="Kế hoạch", defaults={"abbreviation": "KH", "default_kind": DocumentKind.PLAN}
    )
    doc = LegalDocument.objects.create(
        kind=DocumentKind.PLAN,
        document_type=dt,
        number_symbol="572/KH-STTTT",
        title="Năm kỷ cương hành chính 2017",
        issued_date=date(2017, 3, 31),
    )
    plan = Plan.objects.create(document=doc)
    units = Unit.objects.bulk_create(
        [
            Unit(name=f"Đơn vị {i}", code=f"bench-{i}", kind=UnitKind.DIVISION, sort_order=i)
            for i in range(n_units)
        ]
    )
    statuses = list(TaskStatus.values)
    tasks = []
    for i in range(n_tasks):
        status = rng.choice(statuses)
        deadline = date(2017, 4, 1) + timedelta(days=rng.randint(0, 270))
        completed = (
            deadline + timedelta(days=rng.randint(-30, 20)) if status == TaskStatus.DONE else None
        )
        tasks.append(
            PlanTask(
                plan=plan,
                number=str(i),
                title=f"Nhiệm vụ {i}",
                lead_unit=units[i % n_units],
                deadline=deadline,
                status=status,
                completed_on=completed,
            )
        )
    PlanTask.objects.bulk_create(tasks, batch_size=2000)
    return plan


def _index_tasks_on(cluster):
    """Index every task in an Elasticsearch engine on `cluster` and make it the engine."""
    from elasticsearch import Elasticsearch

    from regulations.planning.models import PlanTask
    from search.engines import set_engine
    from search.engines.elastic import ElasticsearchEngine
    from search.sources import docs_for

    engine = ElasticsearchEngine(Elasticsearch(cluster.url, request_timeout=120), "benchtask")
    tasks = PlanTask.objects.select_related("plan__document", "lead_unit")
    task_docs = [d for t in tasks.iterator(chunk_size=2000) for d in docs_for(t)]
    engine.rebuild(iter(task_docs), total=len(task_docs))
    set_engine(engine)


def tracking_only(args):
    """`--tracking-only`: the embedded engine's tracking figures alone (no corpus, no node)."""
    with tempfile.TemporaryDirectory(prefix="bench-tracking-") as var_dir:
        setup_django(var_dir)
        orm_t, orm_m, _es_t, _es_m, _ = bench_tracking(
            args.tasks, args.units, args.repeat, with_es=False
        )
    print(f"tracking, {args.tasks} tasks / {args.units} units, {args.repeat} runs, embedded:")
    print(f"  task_tracking:     {ms(orm_t)}")
    print(f"  completions/month: {ms(orm_m)}")
    return 0
