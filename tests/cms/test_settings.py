import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import database_from_env, email_from_env, url_from_env

ROOT = Path(__file__).resolve().parents[2]


def test_database_falls_back_to_sqlite_with_wal_and_immediate_transactions(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5


def test_postgres_url_is_parsed(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example:5433/vanban")
    config = database_from_env(tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "vanban")


@pytest.mark.parametrize("url", ["not a url", "mysqlx://host/db", "postgres://host:notaport/db"])
def test_malformed_database_url_names_the_variable(monkeypatch, tmp_path, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_env(tmp_path / "db.sqlite3")


def test_malformed_service_urls_name_their_variable(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "localhost:9200")
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_URL"):
        url_from_env("ELASTICSEARCH_URL", ("http", "https"))
    monkeypatch.setenv("EMAIL_URL", "smtp//nohost")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_from_env("x")


def test_email_url_configures_smtp(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://user:p%40ss@mail.example:587?tls=1")
    config = email_from_env("x")
    assert config["EMAIL_HOST"] == "mail.example"
    assert config["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert config["EMAIL_USE_TLS"] is True


def _manage(args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = _manage(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "x7!kq" * 12,
            "ALLOWED_HOSTS": "vanban.example.gov.vn",
            "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage(
        ["check"],
        {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "ALLOWED_HOSTS": "x.example"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_unparsable_database_url_stops_start_up_naming_the_variable():
    result = _manage(
        ["check"], {"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": "::::"}
    )
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
