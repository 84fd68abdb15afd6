from django.urls import path

from .views import public

app_name = "surveys"
urlpatterns = [
    path("", public.survey_form, name="form"),
    path("cam-on/", public.thanks, name="thanks"),
    path("ma-qr.svg", public.qr_svg, name="qr_svg"),
    path("ma-qr.png", public.qr_png, name="qr_png"),
    path("ap-phich-cam-ket-<str:size>.docx", public.commitments_poster, name="poster"),
]
