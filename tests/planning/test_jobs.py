"""Jobs queued under the old module path (regulations.planning.tasks) still run after the
rename to regulations.planning.jobs: migration 0009 rewrites the queued rows."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from regulations.planning.jobs import send_deadline_notices

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("regulations.planning.migrations.0009_queued_jobs_module")


def queued(path):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def test_a_job_queued_before_the_rename_resolves_to_the_job_module():
    row = queued("regulations.planning.tasks.send_deadline_notices")
    MIGRATION.forwards(apps, None)
    row.refresh_from_db()
    assert row.task_path == "regulations.planning.jobs.send_deadline_notices"
    assert import_string(row.task_path) is send_deadline_notices  # what the db_worker runs


def test_migrating_back_restores_the_old_path():
    row = queued("regulations.planning.jobs.send_deadline_notices")
    MIGRATION.backwards(apps, None)
    row.refresh_from_db()
    assert row.task_path == "regulations.planning.tasks.send_deadline_notices"
