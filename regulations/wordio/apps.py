from django.apps import AppConfig


class WordioConfig(AppConfig):
    name = "regulations.wordio"
    label = "wordio"
    verbose_name = "Nhập/xuất Word"
