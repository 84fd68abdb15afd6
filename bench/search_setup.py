"""Django for a search benchmark run (`python -m bench search`): the test settings on a
fresh SQLite database in a temporary VAR_DIR, migrated, whatever DATABASE_URL and
ELASTICSEARCH_URL the shell holds (an ELASTICSEARCH_URL is kept for bench/es_node.py)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir):
    """Set up Django on a new SQLite database in `var_dir` and migrate it."""
    sys.path.insert(0, str(ROOT))
    os.environ["VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    if os.environ.get("ELASTICSEARCH_URL"):  # the node for step 5, not the app's engine
        os.environ.setdefault("BENCH_ELASTICSEARCH_URL", os.environ["ELASTICSEARCH_URL"])
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django  # after the environment above: settings read it when Django loads

    django.setup()
    from django.core.management import call_command  # needs the apps loaded just above

    call_command("migrate", verbosity=0)
