"""The version edit page: each provision's text is shown folded, a page at a time; a
long version's form does not carry one inline row per provision."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.documents.models import LegalVersion
from regulations.documents.structure import ProvisionLevel as L
from regulations.documents.views.versions import INLINE_LIMIT, PAGE_SIZE

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db
EDIT = "wagtailsnippets_documents_legalversion:edit"


@pytest.fixture
def officer(client):
    client.force_login(get_user_model().objects.create_superuser("pc", "pc@example.com", "x"))
    return client


def long_version(articles):
    doc = make_document("91/2015/QH13", "Bộ luật", date(2015, 11, 24), issuer="QH")
    rows = [(L.ARTICLE, str(n), f"Tên điều {n}", f"Nội dung riêng của điều {n}.") for n in
            range(1, articles + 1)]  # fmt: skip
    return make_version(doc, date(2017, 1, 1), rows=rows)


def test_short_version_shows_each_provision_text_folded_and_keeps_the_inline_editor(officer):
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    version = make_version(doc, date(2017, 2, 15))
    html = officer.get(reverse(EDIT, args=[version.pk])).content.decode()
    assert "<details>" in html
    assert "Điều 3. Chế độ họp" in html and "Giao ban vào sáng thứ Hai hằng tuần." in html
    assert 'name="provisions-TOTAL_FORMS"' in html


def test_long_version_is_paginated_and_its_form_has_no_row_per_provision(officer):
    version = long_version(INLINE_LIMIT + PAGE_SIZE + 10)
    url = reverse(EDIT, args=[version.pk])
    html = officer.get(url).content.decode()
    assert 'name="provisions-TOTAL_FORMS"' not in html
    assert "Nội dung riêng của điều 1." in html
    assert f"Nội dung riêng của điều {PAGE_SIZE}." in html
    assert f"Nội dung riêng của điều {PAGE_SIZE + 1}." not in html
    assert "Trang 1/3" in html and "?trang=2" in html
    second = officer.get(url, {"trang": 2}).content.decode()
    assert f"Nội dung riêng của điều {PAGE_SIZE + 1}." in second
    assert "Nội dung riêng của điều 1." not in second


def test_saving_a_long_version_changes_its_fields_and_keeps_every_provision(officer):
    version = long_version(INLINE_LIMIT + 5)
    response = officer.post(
        reverse(EDIT, args=[version.pk]),
        {
            "document": version.document_id,
            "effective_from": "01/01/2017",
            "amending_document": "",
            "note": "Bản hợp nhất",
        },
    )
    assert response.status_code == 302
    version = LegalVersion.objects.get(pk=version.pk)
    assert version.note == "Bản hợp nhất"
    assert version.provisions.count() == INLINE_LIMIT + 5
