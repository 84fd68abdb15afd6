"""Read-only API v2: /api/v2/documents/ and /api/v2/provisions/."""

from datetime import date

import pytest

from regulations.documents.services.amend import amend

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế làm việc")
    make_version(doc, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    amend(doc, amending, date(2017, 7, 1), [{"path": "dieu-3", "text": "Giao ban thứ Ba."}])
    make_document("999/KH-STTTT", "Kế hoạch", date(2017, 5, 5), live=False)
    return doc, amending


def test_documents_listing_has_versions_and_hides_drafts(client, rules):
    doc, amending = rules
    data = client.get("/api/v2/documents/").json()
    numbers = {item["number_symbol"] for item in data["items"]}
    assert numbers == {"125/QĐ-STTTT", "412/QĐ-STTTT"}
    item = next(i for i in data["items"] if i["id"] == doc.pk)
    assert item["validity_label"] == "Còn hiệu lực"
    assert item["document_type"]["abbreviation"] == "QC"
    assert [(v["effective_from"], v["effective_to"]) for v in item["versions"]] == [
        ("2017-02-15", "2017-06-30"),
        ("2017-07-01", None),
    ]
    assert item["versions"][1]["amending_document"]["number_symbol"] == "412/QĐ-STTTT"


def test_documents_filter_and_detail_with_relations(client, rules):
    doc, amending = rules
    data = client.get("/api/v2/documents/", {"type_code": "QĐ", "issuer_code": "STTTT"}).json()
    assert data["meta"]["total_count"] == 2
    detail = client.get(f"/api/v2/documents/{doc.pk}/").json()
    assert detail["relations"] == [
        {
            "relation": "sua_doi",
            "label": "Được sửa đổi, bổ sung bởi",
            "direction": "in",
            "document": {
                "id": amending.pk,
                "number_symbol": "412/QĐ-STTTT",
                "title": amending.title,
                "html_url": f"http://testserver/van-ban/{amending.slug}/",
                "published": True,
            },
            "target_provision": "dieu-3",
            "source_provision": "",
        }
    ]


def test_provisions_in_force_on_a_date(client, rules):
    doc, _ = rules
    old = client.get("/api/v2/provisions/", {"document": doc.pk, "date": "2017-06-30"}).json()
    new = client.get("/api/v2/provisions/", {"document": doc.pk, "date": "2017-07-01"}).json()
    old_3 = next(p for p in old["items"] if p["path"] == "dieu-3")
    new_3 = next(p for p in new["items"] if p["path"] == "dieu-3")
    assert "thứ Hai" in old_3["text"] and old_3["changed_by"] is None
    assert new_3["text"] == "Giao ban thứ Ba." and new_3["changed_by"]["number_symbol"]
    assert new_3["citation"] == "Điều 3"
    assert [p["path"] for p in new["items"]][:2] == ["chuong-i", "dieu-1"]
    before = client.get("/api/v2/provisions/", {"document": doc.pk, "date": "2016-01-01"}).json()
    assert before["meta"]["total_count"] == 0


def test_provisions_bad_parameters_give_400_with_a_message(client, rules):
    doc, _ = rules
    bad_date = client.get("/api/v2/provisions/", {"document": doc.pk, "date": "31/02/2017"})
    assert bad_date.status_code == 400 and "date" in bad_date.json()["error"]
    bad_doc = client.get("/api/v2/provisions/", {"document": "abc"})
    assert bad_doc.status_code == 400
    unknown = client.get("/api/v2/provisions/", {"document": 999999})
    assert unknown.status_code == 400 and "999999" in unknown.json()["error"]
    unknown_param = client.get("/api/v2/provisions/", {"foo": "1"})
    assert unknown_param.status_code == 400


def test_provisions_level_filter_and_version_param(client, rules):
    doc, _ = rules
    version = doc.versions.order_by("effective_from").first()
    data = client.get("/api/v2/provisions/", {"version": version.pk, "level": "dieu"}).json()
    assert [p["path"] for p in data["items"]] == ["dieu-1", "dieu-2", "dieu-3", "dieu-4"]
