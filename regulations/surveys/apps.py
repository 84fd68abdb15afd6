from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "regulations.surveys"
    label = "surveys"
    verbose_name = "Khảo sát hài lòng"
