"""Jobs queued before regulations.planning.tasks became regulations.planning.jobs still run (cms/queued_jobs.py)."""

from django.db import migrations

from cms.queued_jobs import DEPENDENCY, rename_queued_jobs


class Migration(migrations.Migration):
    dependencies = [("planning", "0008_tracking_covering_index"), DEPENDENCY]

    operations = [rename_queued_jobs("regulations.planning.tasks", "regulations.planning.jobs")]
