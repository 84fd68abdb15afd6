"""The amendment page: provisions are picked from the base version's tree (labelled with
their numbering and first words, checked on the server); the form fits the screen."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.documents.models import LegalVersion

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db
URL = "van-ban-sua-doi:amend"


@pytest.fixture
def officer(client):
    client.force_login(get_user_model().objects.create_superuser("pc", "pc@example.com", "x"))
    return client


@pytest.fixture
def rules():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(doc, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    return doc, amending


def _post(client, doc, amending, **change):
    data = {
        "document": doc.pk,
        "amending_document": amending.pk,
        "effective_from": "01/07/2017",
        "changes-TOTAL_FORMS": "1",
        "changes-INITIAL_FORMS": "0",
        "changes-MIN_NUM_FORMS": "1",
        "changes-MAX_NUM_FORMS": "1000",
    }
    data |= {f"changes-0-{key}": value for key, value in change.items()}
    return client.post(reverse(URL), data)


def test_provisions_are_offered_from_the_base_version_with_numbering_and_first_words(
    officer, rules
):
    doc, _amending = rules
    html = officer.get(reverse(URL), {"document": doc.pk}).content.decode()
    select = re.search(r'<select name="changes-0-path".*?</select>', html, re.S).group(0)
    assert '<option value="dieu-2/khoan-2/diem-a">' in select
    assert "Điểm a khoản 2 Điều 2 – hồ sơ một cửa trả đúng hẹn;" in select
    assert "Điều 1 – Phạm vi điều chỉnh" in select
    assert 'value="dieu-4"' in select and "dieu-5" not in select
    assert "admin_documents.css" in html  # the stylesheet that keeps selects on screen
    # Without a document, there is nothing to pick yet and the page says so.
    empty = officer.get(reverse(URL)).content.decode()
    assert "Chọn văn bản được sửa đổi trước" in empty


def test_picked_provision_is_amended(officer, rules):
    doc, amending = rules
    response = _post(
        officer, doc, amending, path="dieu-2/khoan-2", action="replace", text="Đúng hạn."
    )
    assert response.status_code == 302
    version = LegalVersion.objects.get(document=doc, effective_from=date(2017, 7, 1))
    assert version.provisions.get(path="dieu-2/khoan-2").text == "Đúng hạn."


def test_insert_by_number_places_the_new_unit_under_the_picked_one(officer, rules):
    doc, amending = rules
    response = _post(
        officer, doc, amending, path="dieu-2", action="insert", level="khoan", number="3",
        text="Công khai kết quả.",
    )  # fmt: skip
    assert response.status_code == 302
    version = LegalVersion.objects.get(document=doc, effective_from=date(2017, 7, 1))
    assert version.provisions.get(path="dieu-2/khoan-3").text == "Công khai kết quả."


def test_a_path_not_in_the_base_version_is_refused_on_the_server(officer, rules):
    doc, amending = rules
    response = _post(officer, doc, amending, path="dieu-9", action="repeal")
    assert response.status_code == 200
    assert "Quy định “dieu-9” không có trong phiên bản hiện hành" in response.content.decode()
    assert LegalVersion.objects.filter(document=doc).count() == 1
