"""Jobs queued before regulations.feedback.tasks became regulations.feedback.jobs still run (cms/queued_jobs.py)."""

from django.db import migrations

from cms.queued_jobs import DEPENDENCY, rename_queued_jobs


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_unpublished_by_default"), DEPENDENCY]

    operations = [rename_queued_jobs("regulations.feedback.tasks", "regulations.feedback.jobs")]
