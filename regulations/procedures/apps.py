from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "regulations.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"
