import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The foundation's demo data (home page, commitments, units), loaded once per test."""
    call_command("load_demo", verbosity=0, stdout=_Null(), stderr=_Null())


class _Null:
    def write(self, *_args, **_kwargs):
        pass

    def flush(self):
        pass
