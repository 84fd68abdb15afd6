"""Every declared aggregation gives the same rows on the embedded engine (the ORM over
the apps' tables) and on a real Elasticsearch node (the indexed items), on random data
and for random parameters, on several query dates.

A new declaration is covered without a new test: its parameters are sampled from the
values its filters' fields take in the data (SAMPLES for those that can't be).
"""

import random
from datetime import date, timedelta

import pytest
from django.test import TestCase

from search import aggregations as a
from search.engines.embedded import EmbeddedEngine
from search.registry import registry

from ..conftest import rolled_back
from .aggregation_data import make_world
from .conftest import drop_indexes, make_es_engine, searching_on

TODAYS = [date(2017, 3, 2), date(2017, 3, 20), date(2017, 5, 15), date(2017, 9, 1)]
# Parameters whose values are not values of a field.
SAMPLES = {"year": [2016, 2017, 2030], "by_quarter": [True, False]}


@pytest.fixture(scope="class")
def _world_once(es_url, django_db_setup, django_db_blocker):
    """The random data, built and indexed once for the tests that only read it, in a
    transaction undone after them; each test runs in a savepoint of its own (`db`).
    Built per test it cost a build of ~170 rows, each indexed with a refresh, per test."""
    es = make_es_engine(es_url)
    es.refresh_on_write = False  # one refresh after the build, not one per row
    with rolled_back(django_db_blocker), searching_on(es):
        with django_db_blocker.unblock(), TestCase.captureOnCommitCallbacks(execute=True):
            make_world()
        es.refresh()
        es.refresh_on_write = True
        yield es
    drop_indexes(es)


@pytest.fixture
def world(_world_once, db):
    """The Elasticsearch engine holding the random data, as the current engine."""
    with searching_on(_world_once):
        yield _world_once


def _items(kind):
    for indexed in registry.models.values():
        if indexed.kind != kind:
            continue
        objects = indexed.queryset() if indexed.queryset else indexed.model.objects.all()
        for obj in objects:
            yield from indexed.to_items(obj)


def _param_fields(aggregation):
    """{param name: (condition, field)} for the Params in the declaration's filters."""
    found = {}

    def walk(condition):
        if isinstance(condition, a.All | a.Any):
            for inner in condition.conditions:
                walk(inner)
        elif isinstance(condition, a.Not):
            walk(condition.condition)
        else:
            for param in a.params_in(condition):
                found[param.name] = (condition, condition.field)

    for condition in aggregation.filters:
        walk(condition)
    return found


def _samples(aggregation, data, rng):
    """{param: [values]} to try, from the data of the kind."""
    samples = {}
    for name, (condition, field) in _param_fields(aggregation).items():
        if name in SAMPLES:
            samples[name] = SAMPLES[name]
            continue
        values = sorted({d[field] for d in data if d.get(field) is not None}, key=str)
        assert values, f"{aggregation.name}: no data for {field}; add it to aggregation_data"
        if isinstance(condition, a.In):
            samples[name] = [rng.sample(values, min(2, len(values))), [values[0]], []]
        else:
            samples[name] = rng.sample(values, min(3, len(values)))
    for key in aggregation.group_by.values():
        if isinstance(key, a.When):
            samples[key.param] = SAMPLES[key.param]
    return samples


def _param_sets(aggregation, data, rng):
    samples = _samples(aggregation, data, rng)
    sets = [{}]
    for name, values in samples.items():
        sets += [{name: value} for value in values]
    for _ in range(4):  # a few combinations
        sets.append({n: rng.choice(v) for n, v in samples.items() if rng.random() < 0.6})
    todays = TODAYS if _uses_today(aggregation) else TODAYS[:1]
    return [{**params, "today": today} for params in sets for today in todays]


def _uses_today(aggregation):
    def conditions(c):
        if isinstance(c, a.All | a.Any):
            for inner in c.conditions:
                yield from conditions(inner)
        elif isinstance(c, a.Not):
            yield from conditions(c.condition)
        elif c is not None:
            yield c

    wheres = [m.where for m in aggregation.measures.values()] + list(aggregation.filters)
    for c in (leaf for where in wheres for leaf in conditions(where)):
        values = c.bounds().values() if isinstance(c, a.Range) else [getattr(c, "value", None)]
        if any(isinstance(v, a.Today) for v in values):
            return True
    return False


class TestOnTheRandomData:
    """The figures on the random data (`world`), built once for the class."""

    def test_every_declared_aggregation_gives_the_same_rows_on_both_engines(self, world):
        rng = random.Random(11)
        embedded = EmbeddedEngine()
        assert registry.aggregations
        for aggregation in registry.aggregations.values():
            types = registry.kind_fields(aggregation.kind)
            data = [item.data for item in _items(aggregation.kind)]
            assert data, f"{aggregation.name}: no {aggregation.kind} items in the random data"
            nonempty = 0
            for params in _param_sets(aggregation, data, rng):
                bound = aggregation.bind(params)
                rows = embedded.aggregate(bound, types)
                assert world.aggregate(bound, types) == rows, (aggregation.name, params)
                nonempty += bool(rows)
            assert nonempty, f"{aggregation.name}: only empty rows, the data proves nothing"

    def test_indexed_items_carry_only_declared_data_fields(self, world):
        for kind in {agg.kind for agg in registry.aggregations.values()}:
            declared = set(registry.kind_fields(kind))
            for item in _items(kind):
                assert set(item.data) <= declared, (kind, set(item.data) - declared)

    def test_the_figures_count_what_the_rules_say_on_both_engines(self, world):
        """Not only equal: on the random data the overdue, due-soon and late filters match."""
        from regulations.planning.services import tracking

        today = date(2017, 5, 15)
        rows = tracking.task_tracking(today=today)
        assert sum(r["overdue"] for r in rows) == sum(
            1 for t in _tasks() if t.deadline and t.is_overdue(today)
        )
        assert sum(r["due_soon"] for r in rows) == sum(
            1
            for t in _tasks()
            if not t.completed_on
            and t.deadline
            and today <= t.deadline <= today + timedelta(days=7)
        )


def _tasks():
    from regulations.planning.models import PlanTask

    return PlanTask.objects.all()


def test_late_dossiers_on_elasticsearch_stop_the_clock_while_paused_and_need_a_second_letter(
    es_engine, django_capture_on_commit_callbacks
):
    """Waiting for papers stops the clock and a missed re-appointment needs a letter, on
    the indexed items too (lateness.needs_letter_q), counted as of the query date."""
    from regulations.dossiers.services.letters import confirm_letter
    from regulations.dossiers.services.records import change_status
    from regulations.dossiers.services.reports import late_dossiers_by_unit
    from search.engines import set_engine
    from tests.dossiers.factories import at, make_dossier, make_procedure

    with django_capture_on_commit_callbacks(execute=True):
        procedure = make_procedure()
        paused = make_dossier(procedure, code="HS-P", received=at(2017, 3, 1))
        change_status(paused, 5, requested_papers="Bản sao giấy phép kinh doanh")
        again = make_dossier(procedure, code="HS-L", received=at(2017, 3, 1))  # due 6/3
        confirm_letter(again, None, "x", date(2017, 3, 9), "A", "B", issued_on=date(2017, 3, 7))
    on_es = late_dossiers_by_unit(today=date(2017, 3, 20))
    assert (on_es[0]["late"], on_es[0]["late_without_letter"]) == (1, 1)
    assert late_dossiers_by_unit(today=date(2017, 3, 2))[0]["late"] == 0  # not yet due
    previous = set_engine(EmbeddedEngine())
    try:
        assert late_dossiers_by_unit(today=date(2017, 3, 20)) == on_es
    finally:
        set_engine(previous)


def test_a_declaration_using_an_undeclared_data_field_is_refused_at_registration():
    from django.core.exceptions import ImproperlyConfigured

    from search.registry import Registry

    fresh = Registry()
    fresh.register_model(object, "thing", lambda obj: [], data_fields={"size": "integer"})
    declaration = a.Aggregation(
        name="things",
        kind="thing",
        group_by={"size": "size"},
        measures={"heavy": a.Count(a.Is("weight_kg", 3))},
        orm=a.OrmSource(queryset=lambda params: None),
    )
    with pytest.raises(ImproperlyConfigured, match="weight_kg"):
        fresh.register_aggregation(declaration)
    assert "things" not in fresh.aggregations


def test_an_unknown_parameter_is_a_type_error_like_for_a_function(db):
    from regulations.planning.aggregations import TASK_TRACKING
    from search.service import aggregate

    with pytest.raises(TypeError, match="plan"):
        aggregate(TASK_TRACKING, plan=3)
    assert aggregate("task_tracking", plan_id=-1) == []
