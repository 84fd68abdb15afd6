from django.urls import path

from . import views

app_name = "wordio"

urlpatterns = [
    path("phien-ban/<int:version_id>.docx", views.export_version, name="export_version"),
]
