"""Public-root URLs of planning: only the staff-only JSON endpoint (admin views are
registered through wagtail_hooks under /admin/ke-hoach/)."""

from django.urls import path

from .views import api

app_name = "planning"
urlpatterns = [
    path("api/tracking/units/", api.tracking_units, name="api_tracking_units"),
]
