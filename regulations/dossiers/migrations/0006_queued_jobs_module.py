"""Jobs queued before regulations.dossiers.tasks became regulations.dossiers.jobs still run (cms/queued_jobs.py)."""

from django.db import migrations

from cms.queued_jobs import DEPENDENCY, rename_queued_jobs


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0005_report_cover_appointment"), DEPENDENCY]

    operations = [rename_queued_jobs("regulations.dossiers.tasks", "regulations.dossiers.jobs")]
