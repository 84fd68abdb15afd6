from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "regulations.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers; imports models, so only once apps are loaded
