from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("", views.survey_form, name="form"),
    path("cam-on/", views.thanks, name="thanks"),
    path("ma-qr.svg", views.qr_svg, name="qr_svg"),
    path("ma-qr.png", views.qr_png, name="qr_png"),
    path("ap-phich-cam-ket-<str:size>.docx", views.commitments_poster, name="poster"),
]
