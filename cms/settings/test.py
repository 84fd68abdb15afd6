"""Tests: fast hashing, in-memory e-mail, the database cache, tasks run inline."""

from .base import *  # noqa: F403
from .base import DATABASES, SEARCH
from .env import cache_from_env

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - never used outside tests
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The database cache, as the site without REDIS_URL: the table is made after migrate.
CACHES = cache_from_env(None)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite's default engine is the embedded one, even where ELASTICSEARCH_URL is
# set: that variable names the node the Elasticsearch tests (tests/search) run on.
SEARCH = {**SEARCH, "ELASTICSEARCH_URL": None, "INDEX_PREFIX": "test"}
WAGTAILADMIN_BASE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A test database is thrown away: its commits (each migration while it is built, the
    # flush after each transactional test) need not wait for the disk.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
