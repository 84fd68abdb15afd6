"""Issue #12, item 2: an unpublished document never shows through a live one.

A live document amended twice: by a published decision (412/QĐ-STTTT) and by one that
was never published (777/QĐ-STTTT, title with a marker). Anonymous users see the first
by number and title everywhere, and of the second at most "văn bản chưa công bố".
"""

import json
from datetime import date

import pytest

from regulations.documents import visibility
from regulations.documents.models import DocumentRelation, LegalDocument, RelationType
from regulations.documents.services.amend import amend
from regulations.documents.services.library import public_documents

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db

SECRET_NUMBER = "777/QĐ-STTTT"
SECRET_TITLE = "Quyết định ZZMAT sửa đổi quy chế"
LABEL = "văn bản chưa công bố"


@pytest.fixture
def amended():
    rules = make_document(
        "125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế làm việc của Sở"
    )
    make_version(rules, date(2017, 2, 15))
    public = make_document(
        "412/QĐ-STTTT",
        "Quyết định",
        date(2017, 6, 20),
        date(2017, 7, 1),
        title="Quyết định sửa đổi công khai",
    )
    amend(rules, public, date(2017, 7, 1), [{"path": "dieu-3", "text": "Giao ban thứ Ba."}])
    secret = make_document(
        SECRET_NUMBER, "Quyết định", date(2018, 1, 2), date(2018, 1, 15), title=SECRET_TITLE
    )
    amend(rules, secret, date(2018, 1, 15), [{"path": "dieu-4", "text": "Báo cáo ngày 25."}])
    # Never published: the row is a draft (as if created unpublished in the admin).
    LegalDocument.objects.filter(pk=secret.pk).update(live=False)
    secret.refresh_from_db()
    # A relation to an unpublished target, from the live document.
    DocumentRelation.objects.create(
        source=rules, relation_type=RelationType.BASED_ON, target=secret
    )
    return rules, public, secret


def _leaks(text):
    return [word for word in (SECRET_NUMBER, SECRET_TITLE, "ZZMAT") if word in text]


def _json_text(response):
    assert response.status_code == 200, response.content[:500]
    return json.dumps(response.json(), ensure_ascii=False)


def test_the_rule_lives_in_one_place(amended):
    rules, public, secret = amended
    assert visibility.is_public(rules) and rules.is_public
    assert not visibility.is_public(secret) and not secret.is_public
    assert not visibility.is_public(None)
    assert set(public_documents()) == {rules, public}
    assert visibility.reference(secret) == {
        "id": None,
        "number_symbol": None,
        "title": None,
        "html_url": None,
        "published": False,
        "label": LABEL,
    }
    assert visibility.reference(public)["number_symbol"] == "412/QĐ-STTTT"
    assert visibility.reference(None) is None


def test_documents_api_detail_and_listing_hide_the_unpublished_amending_document(client, amended):
    rules, public, _secret = amended
    detail = client.get(f"/api/v2/documents/{rules.pk}/")
    text = _json_text(detail)
    assert _leaks(text) == []
    versions = detail.json()["versions"]
    assert versions[0]["amending_document"] is None
    assert versions[1]["amending_document"]["number_symbol"] == "412/QĐ-STTTT"
    assert versions[1]["amending_document"]["title"] == public.title
    assert versions[1]["amending_document"]["published"] is True
    assert versions[2]["amending_document"] == visibility.reference(_secret)
    assert versions[2]["note"] == ""  # amend() wrote "… theo Quyết định số 777/QĐ-STTTT"
    assert "412/QĐ-STTTT" in versions[1]["note"]
    # Relations: the live amender is there, the unpublished target and source are not.
    others = [r["document"]["number_symbol"] for r in detail.json()["relations"]]
    assert others == ["412/QĐ-STTTT"]
    listing = client.get("/api/v2/documents/", {"fields": "versions,relations"})
    assert _leaks(_json_text(listing)) == []
    assert "412/QĐ-STTTT" in _json_text(listing)


def test_provisions_api_hides_an_unpublished_changed_by(client, amended):
    rules, _public, _secret = amended
    current = client.get("/api/v2/provisions/", {"document": rules.pk})
    text = _json_text(current)
    assert _leaks(text) == []
    by_path = {p["path"]: p for p in current.json()["items"]}
    assert by_path["dieu-4"]["changed_by"]["published"] is False
    assert by_path["dieu-4"]["changed_by"]["label"] == LABEL
    assert by_path["dieu-3"]["changed_by"]["number_symbol"] == "412/QĐ-STTTT"
    # The detail view of the provision changed by the unpublished document.
    one = client.get(f"/api/v2/provisions/{by_path['dieu-4']['id']}/")
    assert _leaks(_json_text(one)) == []
    assert one.json()["changed_by"]["published"] is False
    every = client.get("/api/v2/provisions/", {"limit": 20})
    assert _leaks(_json_text(every)) == []


def _html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_document_page_shows_the_live_amender_and_only_a_neutral_label_for_the_other(
    client, amended
):
    rules, public, _secret = amended
    html = _html(client.get(rules.get_absolute_url()))
    assert _leaks(html) == []
    assert LABEL in html
    assert public.citation_name in html and public.get_absolute_url() in html
    # An older version lists the later change made by the unpublished document.
    first = rules.versions.order_by("effective_from").first()
    old = _html(client.get(rules.get_absolute_url(), {"phien_ban": first.pk}))
    assert _leaks(old) == [] and LABEL in old
    # The provision page and the version comparison.
    provision = _html(client.get(f"{rules.get_absolute_url()}dieu-4/"))
    assert _leaks(provision) == [] and LABEL in provision
    compare = _html(client.get(f"{rules.get_absolute_url()}so-sanh/"))
    assert _leaks(compare) == [] and "412/QĐ-STTTT" in compare


def test_once_published_the_amending_document_shows(client, amended):
    rules, _public, secret = amended
    LegalDocument.objects.filter(pk=secret.pk).update(live=True)
    html = _html(client.get(rules.get_absolute_url()))
    assert SECRET_NUMBER in html
    data = client.get(f"/api/v2/documents/{rules.pk}/").json()
    assert data["versions"][2]["amending_document"]["number_symbol"] == SECRET_NUMBER
