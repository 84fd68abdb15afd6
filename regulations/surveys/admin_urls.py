"""Admin URLs of the satisfaction surveys (/admin/khao-sat/…), registered by wagtail_hooks."""

from django.urls import path

from .views import admin as views

app_name = "surveys_admin"
urlpatterns = [
    path("ket-qua/", views.SatisfactionReportView.as_view(), name="report"),
    path("ket-qua/xlsx/", views.report_xlsx, name="report_xlsx"),
    path("ma-qr/", views.qr_print, name="qr_print"),
]
