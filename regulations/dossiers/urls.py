from django.urls import path

from .views import public

app_name = "dossiers"
urlpatterns = [
    path("tra-cuu/", public.lookup, name="lookup"),
]
