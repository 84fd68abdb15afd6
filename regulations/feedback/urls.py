from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.feedback_form, name="form"),
    path("cam-on/", views.thanks, name="thanks"),
    path("<str:reference>/", views.detail, name="detail"),
]
