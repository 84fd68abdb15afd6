import io
from contextlib import contextmanager, redirect_stderr, redirect_stdout

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _uses_demo(item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return "demo_site" in fixtures or "demo_load_output" in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Order: the other tests, then those on the demo data (they share one load of it,
    `_demo_database`, which no other test sees), then the transactional ones, whose
    flush empties the database of what the migrations seeded."""
    items.sort(key=lambda item: (_transactional(item), _uses_demo(item)))


class _DemoTransaction:
    """The transaction holding the demo; rolled back before the first transactional test
    (they cannot run inside it) or at the end of the session."""

    atomic = None
    output = ("", "")  # (load_demo's summary, everything else the load printed)

    @classmethod
    def open(cls):
        cls.atomic = transaction.atomic()
        cls.atomic.__enter__()
        # The console backend prints any e-mail the load sends (make run uses it); what
        # the load printed is kept for tests/admin_vi/test_demo_output.py.
        summary, printed = io.StringIO(), io.StringIO()
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"),
            redirect_stdout(printed),
            redirect_stderr(printed),
        ):
            call_command("load_demo", force=True, stdout=summary, stderr=printed)
        cls.output = (summary.getvalue(), printed.getvalue())

    @classmethod
    def close(cls, django_db_blocker):
        if cls.atomic is None:
            return
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            cls.atomic.__exit__(None, None, None)
        cls.atomic = None


@contextmanager
def rolled_back(django_db_blocker):
    """A transaction for data several tests read (built once, in a class- or module-scoped
    fixture), undone after them. Each test runs in a savepoint of its own (`db`), so what
    a test writes is undone after it as usual."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """The demo, loaded once inside a transaction. Each test that uses it runs in a
    savepoint of its own (pytest-django's `db`), so its changes are undone as before;
    loading it per test took ~10 s each."""
    with django_db_blocker.unblock():
        _DemoTransaction.open()
    yield
    _DemoTransaction.close(django_db_blocker)


@pytest.fixture(autouse=True)
def _no_demo_under_transactional_tests(request, django_db_blocker):
    if _transactional(request.node):
        _DemoTransaction.close(django_db_blocker)


@pytest.fixture
def demo_load_output(_demo_database):
    """(summary, everything else printed) by the session's load of the demo."""
    return _DemoTransaction.output


@pytest.fixture
def demo_site(_demo_database, db):
    """The foundation's demo data (home page, commitments, units, plan, dossiers…)."""


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request that chose English (the language
    switch) leaves it active in the thread, and the next test would read English labels."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
