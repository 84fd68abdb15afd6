from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/so-sanh/", views.compare, name="compare"),
    path("<slug:slug>/<path:provision_path>/", views.provision, name="provision"),
]
