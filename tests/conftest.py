import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests on the demo data run last, so that they can share one load of it
    (`_demo_database`) without the other tests ever seeing it."""
    items.sort(key=lambda item: "demo_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """The demo, loaded once inside a transaction that is rolled back when the session
    ends. Each test that uses it runs in a savepoint of its own (pytest-django's `db`),
    so its changes are undone as before; loading it per test took ~10 s each."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_demo", verbosity=0, stdout=_Null(), stderr=_Null())
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_database, db):
    """The foundation's demo data (home page, commitments, units, plan, dossiers…)."""


class _Null:
    def write(self, *_args, **_kwargs):
        pass

    def flush(self):
        pass
