from django.urls import path

from .views import public

app_name = "documents"
urlpatterns = [
    path("", public.library, name="library"),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/so-sanh/", public.compare, name="compare"),
    path("<slug:slug>/<path:provision_path>/", public.provision, name="provision"),
]
