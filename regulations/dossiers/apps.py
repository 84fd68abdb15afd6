from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "regulations.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ một cửa"
