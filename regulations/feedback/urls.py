from django.urls import path

from .views import public

app_name = "feedback"
urlpatterns = [
    path("", public.feedback_form, name="form"),
    path("cam-on/", public.thanks, name="thanks"),
    path("<str:reference>/", public.detail, name="detail"),
]
