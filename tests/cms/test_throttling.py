"""Throttling holds across processes: rate limits and failed admin logins are counted
in shared storage (the database cache or Redis; django-axes' table), not in a worker's
memory. The second process is a real one: a `manage.py shell` on the same database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection

from cms.settings.env import cache_from_env

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/admin/login/"


def test_cache_is_redis_with_redis_url_else_the_database_never_process_memory():
    assert cache_from_env("redis://127.0.0.1:6379/5")["default"]["BACKEND"].endswith("RedisCache")
    assert cache_from_env(None)["default"]["BACKEND"].endswith("DatabaseCache")
    assert "locmem" not in settings.CACHES["default"]["BACKEND"]


@pytest.mark.django_db
def test_the_cache_table_exists_after_migrate():
    assert "django_cache" in connection.introspection.table_names()
    cache.set("k", 1)
    assert cache.get("k") == 1


def _second_process(code: str, database_url: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=database_url)
    script = (
        "import django; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from django.test import Client\n" + code
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


# Skipped before its fixtures on SQLite (in memory): the flush after `transactional_db`
# would cost ~3 s of CPU (post_migrate) for nothing.
on_a_database_server = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a second process needs a database server (run on PostgreSQL)",
)


@pytest.fixture
def shared_database(transactional_db):
    """A URL another process can open: the test database itself, its rows committed."""
    return f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}"


def _post_wrong(n):
    return (
        "c = Client(REMOTE_ADDR='10.0.0.9')\n"
        f"print(','.join(str(c.post('{LOGIN}', {{'username': 'bientap', 'password': 'sai'}})"
        f".status_code) for _ in range({n})))"
    )


@on_a_database_server
def test_failed_logins_in_two_processes_lock_the_account_out(client, shared_database):
    user = get_user_model().objects.create_user(username="bientap", password="dung-mat-khau-1")
    user.is_superuser = user.is_staff = True
    user.save()
    limit = settings.AXES_FAILURE_LIMIT
    first = _second_process(_post_wrong(limit - 2), shared_database)
    assert set(first.split(",")) == {"200"}  # wrong password, not yet locked
    for _ in range(2):  # this process: the last failures
        client.post(LOGIN, {"username": "bientap", "password": "sai"}, REMOTE_ADDR="10.0.0.9")
    right = "{'username': 'bientap', 'password': 'dung-mat-khau-1'}"
    locked = _second_process(
        f"r = Client(REMOTE_ADDR='10.0.0.9').post('{LOGIN}', {right})\n"
        "print(r.status_code); print('Tạm khóa đăng nhập' in r.content.decode())",
        shared_database,
    )
    assert locked.splitlines() == ["429", "True"]  # even the right password is refused
    other = client.post(LOGIN, {"username": "bientap", "password": "dung-mat-khau-1"},
                        REMOTE_ADDR="10.0.0.10")  # fmt: skip
    assert other.status_code == 302  # another address is not locked out


@on_a_database_server
def test_the_lookup_rate_limit_counts_attempts_of_both_processes(client, shared_database):
    from regulations.dossiers.views.public import RATE_LIMIT

    form = "{'code': 'X-1', 'phone_last4': '1234'}"
    codes = _second_process(
        "c = Client(REMOTE_ADDR='10.0.0.7')\n"
        f"print(','.join(str(c.post('/ho-so/tra-cuu/', {form}).status_code) "
        f"for _ in range({RATE_LIMIT})))",
        shared_database,
    )
    assert "429" not in codes.split(",")
    response = client.post(
        "/ho-so/tra-cuu/", {"code": "X-1", "phone_last4": "1234"}, REMOTE_ADDR="10.0.0.7"
    )
    assert response.status_code == 429
