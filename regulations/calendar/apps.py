from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "regulations.calendar"
    label = "workcalendar"
    verbose_name = "Lịch làm việc"
