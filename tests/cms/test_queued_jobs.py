"""Jobs queued under a job module's old path (<app>.tasks) still run after its rename to
<app>.jobs: each app's migration rewrites the queued rows (cms/queued_jobs.py)."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

# module renamed, its migration, one job of it
RENAMED = {
    "feedback": (
        "regulations.feedback",
        "regulations.feedback.migrations.0003_queued_jobs_module",
        "notify_unit",
    ),
    "planning": (
        "regulations.planning",
        "regulations.planning.migrations.0009_queued_jobs_module",
        "send_deadline_notices",
    ),
    "dossiers": (
        "regulations.dossiers",
        "regulations.dossiers.migrations.0006_queued_jobs_module",
        "email_letter",
    ),
    "search": ("search", "search.migrations.0008_queued_jobs_module", "process_outbox"),
}


def queued(path):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def run(migration, direction):
    operation = importlib.import_module(migration).Migration.operations[0]
    code = operation.code if direction == "forwards" else operation.reverse_code
    code(apps, None)


@pytest.mark.parametrize("app", RENAMED)
def test_a_job_queued_before_the_rename_resolves_to_the_job_module(app):
    package, migration, job = RENAMED[app]
    row = queued(f"{package}.tasks.{job}")
    run(migration, "forwards")
    row.refresh_from_db()
    assert row.task_path == f"{package}.jobs.{job}"
    assert isinstance(import_string(row.task_path), Task)  # what the db_worker runs


@pytest.mark.parametrize("app", RENAMED)
def test_migrating_back_restores_the_old_path(app):
    package, migration, job = RENAMED[app]
    row = queued(f"{package}.jobs.{job}")
    run(migration, "backwards")
    row.refresh_from_db()
    assert row.task_path == f"{package}.tasks.{job}"


def test_other_queued_jobs_are_left_alone():
    row = queued("regulations.surveys.jobs.something")
    run(RENAMED["feedback"][1], "forwards")
    row.refresh_from_db()
    assert row.task_path == "regulations.surveys.jobs.something"
