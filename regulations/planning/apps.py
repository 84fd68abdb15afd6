from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "regulations.planning"
    label = "planning"
    verbose_name = "Kế hoạch và rà soát"

    def ready(self):
        # Imported once the app registry is ready: both use planning's models.
        from . import signals  # noqa: F401 - connects the notice receivers
        from .workflow_mail import connect

        connect()
