from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "regulations.planning"
    label = "planning"
    verbose_name = "Kế hoạch và rà soát"
