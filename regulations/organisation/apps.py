from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganisationConfig(AppConfig):
    name = "regulations.organisation"
    label = "organisation"
    verbose_name = "Tổ chức"

    def ready(self):
        # Imported once the app registry is ready: both use the auth and staff models.
        from . import signals  # noqa: F401 - connects the staff-profile receivers
        from .roles import sync_after_migrate

        # Not tied to a sender: the role groups need every app's permissions.
        post_migrate.connect(sync_after_migrate, dispatch_uid="organisation_sync_role_groups")
