from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(sender, using="default", **kwargs):
    """The database cache's table (settings: no REDIS_URL), made by every `migrate`."""
    call_command("createcachetable", database=using, verbosity=0)


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Trang"

    def ready(self):
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="pages_cache_table")
