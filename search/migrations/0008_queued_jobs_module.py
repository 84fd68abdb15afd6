"""Jobs queued before search.tasks became search.jobs still run (cms/queued_jobs.py)."""

from django.db import migrations

from cms.queued_jobs import DEPENDENCY, rename_queued_jobs


class Migration(migrations.Migration):
    dependencies = [("search", "0007_fts_prefix"), DEPENDENCY]

    operations = [rename_queued_jobs("search.tasks", "search.jobs")]
