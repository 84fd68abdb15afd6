"""The demo data set, loaded by `manage.py load_demo`.

Each domain app may have a `demo` module with `load(out)`; they run in this order
inside one transaction, each idempotent (update_or_create on natural keys), so
loading twice leaves the same rows. `load_demo` runs them in one
search.indexing.deferred() block, so each object is indexed once, at the end.
"""

import importlib
import importlib.util

DEMO_MODULES = [
    "cms.pages.demo",
    "regulations.organisation.demo",
    "regulations.documents.demo",
    "regulations.procedures.demo",
    "regulations.planning.demo",
    "regulations.calendar.demo",
    "regulations.dossiers.demo",
    "regulations.surveys.demo",
    "regulations.feedback.demo",
]


def demo_loaders():
    for name in DEMO_MODULES:
        if importlib.util.find_spec(name) is not None:
            yield name, importlib.import_module(name).load
