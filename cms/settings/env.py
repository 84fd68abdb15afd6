"""Reading settings from the environment.

Every optional service has one variable and an embedded fallback. A value that is
present but malformed stops start-up with a message that names the variable, so a
site never runs half-configured.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    folded = value.strip().lower()
    if folded in TRUE_VALUES:
        return True
    if folded in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no).")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def sqlite_database(path: Path) -> dict:
    """The embedded default: a SQLite file tuned for several concurrent writers.

    WAL lets readers proceed during a write; IMMEDIATE transactions take the write
    lock up front, so two writers queue on the busy timeout instead of failing
    with "database is locked" half-way through.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
            ),
        },
    }


def database_from_env(default_sqlite_path: Path) -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        return sqlite_database(default_sqlite_path)
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises several unrelated types
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"DATABASE_URL has an unsupported scheme: {url.split(':')[0]!r}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        name = config.get("NAME") or str(default_sqlite_path)
        return sqlite_database(Path(name))
    if config["ENGINE"] not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise ImproperlyConfigured(
            "DATABASE_URL must point at PostgreSQL (postgres://…) or SQLite (sqlite:///…)."
        )
    return config


def url_from_env(name, schemes):
    """A service URL, checked for a known scheme and a host; None when unset."""
    url = env_str(name)
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in schemes or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name}={url!r} is not a valid URL (expected {' or '.join(schemes)}://host[:port])."
        )
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        raise ImproperlyConfigured(f"{name}={url!r} has an invalid port.") from None
    return url


def email_from_env(default_backend):
    """EMAIL_URL: smtp://user:pass@host:587?tls=1, smtps://…, console:, or unset."""
    url = env_str("EMAIL_URL")
    if not url:
        return {"EMAIL_BACKEND": default_backend}
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL={url!r} is not valid (use smtp://user:pass@host:port or console:)."
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL has an invalid port.") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", "").lower() in TRUE_VALUES,
    }


def served_base_url(argv, port=None):
    """Development's base URL: the address `runserver` serves, else 127.0.0.1:PORT.

    `manage.py runserver 0.0.0.0:8010` → "http://127.0.0.1:8010" (links must open on
    this machine); `runserver 8010` → the same; no runserver → PORT or 8000.
    """
    host, port = "127.0.0.1", port or "8000"
    if "runserver" in argv:
        rest = [a for a in argv[argv.index("runserver") + 1 :] if not a.startswith("-")]
        if rest:
            addr_host, _, addr_port = rest[0].rpartition(":")
            port = addr_port or port
            if addr_host and addr_host not in ("0.0.0.0", "[::]", "0"):
                host = addr_host
    return f"http://{host}:{port}"


def cache_from_env(redis_url):
    """Redis when REDIS_URL is set, else the database cache (one table, `django_cache`).

    Both are shared by every worker process, so rate limits count per site, not per
    process. The table is created after `migrate` (cms.pages, post_migrate).
    """
    if redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
