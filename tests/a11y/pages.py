"""Print the public pages the accessibility check visits, one path per line.

Pages of apps that are not there yet are printed anyway; the checker reports a 404
as "skipped". Run with the project's Python: `python tests/a11y/pages.py`.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402


def url(name, default):
    try:
        return reverse(name)
    except NoReverseMatch:
        return default


def first_object_url(app_label, model_name, **filters):
    try:
        model = apps.get_model(app_label, model_name)
        obj = model.objects.filter(**filters).order_by("pk").first()
        return obj.get_absolute_url() if obj is not None else None
    except Exception:  # noqa: BLE001 - a missing app or field means "no such page yet"
        return None


def commitments_url():
    from cms.pages.models import CommitmentsPage

    page = CommitmentsPage.objects.live().first()
    return page.url if page is not None else "/cam-ket-phuc-vu/"


def feedback_detail_url():
    try:
        from regulations.feedback.models import Feedback

        item = Feedback.objects.public().order_by("pk").first()
        return reverse("feedback:detail", args=[item.reference]) if item else "/phan-anh/PA-0/"
    except Exception:  # noqa: BLE001
        return "/phan-anh/PA-0/"


def document_url():
    return first_object_url("documents", "LegalDocument") or "/van-ban/khong-co-van-ban/"


pages = [
    "/",
    commitments_url(),
    url("documents:library", "/van-ban/"),
    document_url(),
    # A date before the document: the note saying so, with its link to the current text.
    document_url() + "?ngay=01/01/1990",
    url("procedures:catalogue", "/thu-tuc/"),
    first_object_url("procedures", "Procedure", live=True) or "/thu-tuc/khong-co-thu-tuc/",
    url("search:search", "/tim-kiem/") + "?q=k%E1%BB%B7+c%C6%B0%C6%A1ng",
    url("surveys:form", "/khao-sat/"),
    url("dossiers:lookup", "/ho-so/tra-cuu/"),
    url("feedback:form", "/phan-anh/"),
    feedback_detail_url(),
    url("surveys:thanks", "/khao-sat/cam-on/"),
    # The public forms again, submitted empty: their error messages must be accessible.
    "submit:" + url("surveys:form", "/khao-sat/"),
    "submit:" + url("feedback:form", "/phan-anh/"),
]
print("\n".join(pages))
