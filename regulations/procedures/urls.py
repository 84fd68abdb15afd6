from django.urls import path

from .views import public

app_name = "procedures"
urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("<slug:slug>/", public.detail, name="detail"),
]
