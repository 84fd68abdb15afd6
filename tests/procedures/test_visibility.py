"""Issue #12, item 2: a procedure never shows an unpublished document (its deciding
decisions and legal basis), neither on /api/v2/procedures/ nor on its page."""

import json
from datetime import date

import pytest

from regulations.documents.models import LegalDocument

from .factories import (
    ProcedureFactory,
    ProcedureVersionFactory,
    basis,
    decision,
    law_with_articles,
)
from .factories import method as add_method

pytestmark = pytest.mark.django_db

SECRETS = ("9999/QĐ-UBND", "ZZMAT", "88/2016/QH14")
LABEL = "văn bản chưa công bố"


def _unpublish(*docs):
    LegalDocument.objects.filter(pk__in=[d.pk for d in docs]).update(live=False)


@pytest.fixture
def procedure():
    live = ProcedureFactory(code="1.004662.000.00.00.H29", name="Cấp giấy phép bản tin")
    first = ProcedureVersionFactory(procedure=live, decision=decision())
    add_method(first, "truc_tiep", 15, 100000)
    secret_decision = decision("9999/QĐ-UBND", date(2018, 8, 20), title="Quyết định ZZMAT")
    current = ProcedureVersionFactory(
        procedure=live, effective_from=date(2018, 9, 1), decision=secret_decision
    )
    add_method(current, "truc_tiep", 10, 50000)
    public_law = law_with_articles(articles=("35",))
    secret_law = law_with_articles("88/2016/QH14", articles=("7",), title="Luật ZZMAT")
    basis(current, public_law, "dieu-35", order=0)
    basis(current, secret_law, "dieu-7", order=1)
    _unpublish(secret_decision, secret_law)
    return live, public_law


def _leaks(text):
    return [word for word in SECRETS if word in text]


def test_api_listing_and_detail_hide_unpublished_decision_and_basis(client, procedure):
    live, _law = procedure
    listing = client.get("/api/v2/procedures/")
    assert _leaks(json.dumps(listing.json(), ensure_ascii=False)) == []
    assert listing.json()["items"][0]["current_version"]["decision"]["published"] is False
    data = client.get(f"/api/v2/procedures/{live.pk}/").json()
    assert _leaks(json.dumps(data, ensure_ascii=False)) == []
    version = data["current_version"]
    assert version["decision"] == {
        "number_symbol": None,
        "title": None,
        "issued_date": None,
        "url": None,
        "published": False,
        "label": LABEL,
    }
    public, secret = version["legal_basis"]
    assert public["number_symbol"] == "103/2016/QH13" and public["published"] is True
    assert public["title"] == "Luật Báo chí" and public["url"].endswith("#dieu-35")
    assert secret["published"] is False and secret["label"] == LABEL
    assert [secret[k] for k in ("number_symbol", "title", "summary", "issuing_body", "url")] == [
        None
    ] * 5


def test_page_hides_unpublished_decision_and_basis(client, procedure):
    live, law = procedure
    response = client.get(live.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert _leaks(html) == []
    assert LABEL in html
    assert law.citation_name in html and law.get_absolute_url() in html
    # The older version, whose decision is public, is still named in the history.
    assert "1507/QĐ-UBND" in html


def test_published_decision_and_basis_show(client, procedure):
    live, _law = procedure
    LegalDocument.objects.update(live=True)
    html = client.get(live.get_absolute_url()).content.decode()
    assert "9999/QĐ-UBND" in html and "88/2016/QH14" in html
    data = client.get(f"/api/v2/procedures/{live.pk}/").json()
    assert data["current_version"]["decision"]["number_symbol"] == "9999/QĐ-UBND"
    assert data["current_version"]["legal_basis"][1]["title"] == "Luật ZZMAT"
