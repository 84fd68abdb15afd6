"""System check: every Wagtail search backend folds Vietnamese (search.wagtail_backend).

A backend that does not fold answers "quy che" with nothing, silently; this check
turns such a configuration (a settings file of its own, say) into a start-up error.
"""

from django.conf import settings
from django.core import checks

FOLDING_BACKEND = "search.wagtail_backend"


@checks.register(checks.Tags.compatibility)
def wagtail_search_folds(app_configs=None, **kwargs):
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    return [
        checks.Error(
            f"WAGTAILSEARCH_BACKENDS[{alias!r}] is {conf.get('BACKEND')!r}, which does not "
            "fold Vietnamese: “quy che” would not find “quy chế”.",
            hint=f'Use {{"BACKEND": "{FOLDING_BACKEND}"}}.',
            id="search.E001",
        )
        for alias, conf in backends.items()
        if conf.get("BACKEND") != FOLDING_BACKEND
    ]
