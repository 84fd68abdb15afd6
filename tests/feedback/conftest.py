import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits(db):
    """The rate limit lives in the (database) cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()
