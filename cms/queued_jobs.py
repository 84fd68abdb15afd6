"""Moving a django-tasks job module without losing the jobs already queued under its old path.

django-tasks-db stores each job's dotted path (task_path) and imports it when the job runs:
a data migration rewrites the queued rows from the old module to the new one, and back.
Jobs waiting in RQ (TASKS_BACKEND=rq) are not rewritten: drain that queue before deploying.
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

#: The django-tasks-db migration a renaming migration must run after.
DEPENDENCY = ("django_tasks_database", "0021_conditional_partial_index_ordering")


def rewrite(apps, old: str, new: str) -> int:
    """Point the queued jobs of module `old` ("pkg.tasks.") at module `new`; how many."""
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    return results.filter(task_path__startswith=old).update(
        task_path=Concat(Value(new), Substr("task_path", len(old) + 1))
    )


def rename_queued_jobs(old_module: str, new_module: str) -> migrations.RunPython:
    """The migration operation for a job module renamed from `old_module` to `new_module`."""
    old, new = f"{old_module}.", f"{new_module}."
    return migrations.RunPython(
        lambda apps, schema_editor: rewrite(apps, old, new),
        lambda apps, schema_editor: rewrite(apps, new, old),
    )
