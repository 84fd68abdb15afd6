from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "regulations.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"

    def ready(self):
        from . import signals  # noqa: F401 - flags procedures when their basis changes; imports models, so only once apps are loaded
