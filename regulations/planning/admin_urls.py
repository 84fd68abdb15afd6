"""Admin URLs (/admin/ke-hoach/…), registered by wagtail_hooks."""

from django.urls import path

from .views import admin, proposals, report_docx, reviews, tracking

app_name = "planning_admin"
urlpatterns = [
    path("", admin.my_unit, name="my_unit"),
    path("theo-doi/", tracking.tracking_view, name="tracking"),
    path("theo-doi/nhiem-vu/", tracking.task_list, name="task_list"),
    path("theo-doi/bao-cao.docx", report_docx.progress_report_docx, name="progress_docx"),
    path("nhiem-vu/<int:pk>/", admin.task_detail, name="task_detail"),
    path("minh-chung/<int:pk>/", admin.evidence_download, name="evidence"),
    path("de-xuat/<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("ra-soat/<int:pk>/phien-ban-moi/", reviews.start_version, name="start_version"),
]
