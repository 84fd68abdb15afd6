from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import checks  # noqa: F401 (registers search.E001)
        from .indexing import connect_signals
        from .registry import registry

        registry.load()
        connect_signals()
