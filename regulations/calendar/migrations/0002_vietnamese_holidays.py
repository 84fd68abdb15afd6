"""Seed the Vietnamese public holidays 2017-2019 (editable afterwards in the admin)."""

from django.db import migrations


def seed(apps, schema_editor):
    from regulations.calendar.seed import seed_holidays

    seed_holidays(apps.get_model("workcalendar", "Holiday"))


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
