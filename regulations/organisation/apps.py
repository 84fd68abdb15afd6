from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "regulations.organisation"
    label = "organisation"
    verbose_name = "Tổ chức"
