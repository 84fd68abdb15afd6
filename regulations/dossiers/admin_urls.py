"""Admin URLs of the one-stop counter (/admin/mot-cua/…), registered by wagtail_hooks."""

from django.urls import path

from .views import admin as views
from .views import letters as letter_views
from .views.receipt import receipt
from .views.report import LateDossierReportView

app_name = "dossiers_admin"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("ho-so/<int:pk>/", views.detail, name="detail"),
    path("ho-so/<int:pk>/giay-tiep-nhan/", receipt, name="receipt"),
    path("ho-so/<int:pk>/phieu-xin-loi/", letter_views.letter, name="letter"),
    path("ho-so/<int:pk>/gia-han/", views.extend, name="extend"),
    path("phieu-xin-loi/cho-ky/", letter_views.letters_pending, name="letters_pending"),
    path("phieu-xin-loi/<int:pk>/trinh-ky/", letter_views.letter_submit, name="letter_submit"),
    path("phieu-xin-loi/<int:pk>/ky/", letter_views.letter_review, name="letter_review"),
    path("phieu-xin-loi/<int:pk>/docx/", letter_views.letter_docx, name="letter_docx"),
    path("nhap-csv/", views.upload, name="import"),
    path("bao-cao/", LateDossierReportView.as_view(), name="report"),
    path(
        "bao-cao/ket-qua/",
        LateDossierReportView.as_view(results_only=True),
        name="report_results",
    ),
]
