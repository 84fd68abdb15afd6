"""Jobs queued before regulations.feedback.tasks became regulations.feedback.jobs still run.

django-tasks-db stores each job's dotted path (task_path) and imports it when the job
runs; rewrite the rows of the old module to the new one (both ways, to migrate back).
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

OLD = "regulations.feedback.tasks."
NEW = "regulations.feedback.jobs."


def _rename(apps, old, new):
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    results.filter(task_path__startswith=old).update(
        task_path=Concat(Value(new), Substr("task_path", len(old) + 1))
    )


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_unpublished_by_default"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
