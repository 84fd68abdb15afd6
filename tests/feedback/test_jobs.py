"""Jobs queued under the old module path (regulations.feedback.tasks) still run after the
rename to regulations.feedback.jobs: migration 0003 rewrites the queued rows."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from regulations.feedback.jobs import notify_unit

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("regulations.feedback.migrations.0003_queued_jobs_module")


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
    row = queued("regulations.feedback.tasks.notify_unit")
    MIGRATION.forwards(apps, None)
    row.refresh_from_db()
    assert row.task_path == "regulations.feedback.jobs.notify_unit"
    assert import_string(row.task_path) is notify_unit  # what the db_worker runs


def test_migrating_back_restores_the_old_path():
    row = queued("regulations.feedback.jobs.notify_unit")
    MIGRATION.backwards(apps, None)
    row.refresh_from_db()
    assert row.task_path == "regulations.feedback.tasks.notify_unit"
