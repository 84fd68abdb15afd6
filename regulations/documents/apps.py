from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "regulations.documents"
    label = "documents"
    verbose_name = "Văn bản"
