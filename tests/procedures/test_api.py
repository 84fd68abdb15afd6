"""Read-only API v2 endpoint /api/v2/procedures/."""

from datetime import date

import pytest

from .factories import (
    ProcedureFactory,
    ProcedureVersionFactory,
    basis,
    component,
    decision,
    law_with_articles,
    step,
)
from .factories import method as add_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedures():
    live = ProcedureFactory(code="1.004662.000.00.00.H29", name="Cấp giấy phép bản tin")
    old = ProcedureVersionFactory(procedure=live, decision=decision())
    add_method(old, "truc_tiep", 15, 100000)
    current = ProcedureVersionFactory(
        procedure=live,
        effective_from=date(2018, 9, 1),
        decision=decision("4830/QĐ-UBND", date(2018, 8, 20)),
    )
    add_method(current, "truc_tiep", 10, 50000, 0)
    add_method(current, "truc_tuyen", 7.5, 0, 1)
    component(current, "Tờ khai", 1, 0)
    step(current, "Bước 1: Nộp hồ sơ")
    basis(current, law_with_articles(articles=("35",)), "dieu-35")
    draft = ProcedureFactory(code="1.000999.000.00.00.H29", name="Thủ tục nháp", live=False)
    add_method(ProcedureVersionFactory(procedure=draft))
    return live, draft


def test_listing_has_live_procedures_with_current_methods_and_components(client, procedures):
    live, _draft = procedures
    response = client.get("/api/v2/procedures/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["code"] == "1.004662.000.00.00.H29"
    assert item["name"] == "Cấp giấy phép bản tin"
    assert item["meta"]["html_url"].endswith(live.get_absolute_url())
    assert item["legal_field"]["name"] == live.legal_field.name
    assert item["handling_unit"]["code"] == live.handling_unit.code
    version = item["current_version"]
    assert version["effective_from"] == "2018-09-01"
    assert version["decision"]["number_symbol"] == "4830/QĐ-UBND"
    assert [(m["kind"], m["processing_days"], m["fee"]) for m in version["methods"]] == [
        ("truc_tiep", 10, 50000),
        ("truc_tuyen", 7.5, 0),
    ]
    assert version["components"][0]["quantity"] == "Bản chính: 1 - Bản sao: 0"
    assert "steps" not in version  # the listing stays light


def test_detail_adds_steps_agencies_and_legal_basis(client, procedures):
    live, _draft = procedures
    data = client.get(f"/api/v2/procedures/{live.pk}/").json()
    version = data["current_version"]
    assert version["steps"] == [{"title": "Bước 1: Nộp hồ sơ", "description": ""}]
    assert version["result"] == "Giấy phép"
    assert version["implementing_agency"] == "Sở Thông tin và Truyền thông"
    legal = version["legal_basis"][0]
    assert legal["number_symbol"] == "103/2016/QH13"
    assert legal["provision"] == "Điều 35"
    assert legal["url"].endswith("#dieu-35")
    assert data["level_label"] == "Cấp tỉnh"


def test_drafts_are_not_served_and_filters_work(client, procedures):
    live, draft = procedures
    assert client.get(f"/api/v2/procedures/{draft.pk}/").status_code == 404
    assert client.get("/api/v2/procedures/", {"code": draft.code}).json()["items"] == []
    items = client.get("/api/v2/procedures/", {"level": "tinh"}).json()["items"]
    assert len(items) == 1
    assert client.get("/api/v2/procedures/", {"khong_co": "1"}).status_code == 400
    found = client.get("/api/v2/procedures/", {"search": "bản tin"}).json()["items"]
    assert [item["code"] for item in found] == [live.code]
    assert client.get("/api/v2/procedures/", {"search": "nháp"}).json()["items"] == []
    by_field = client.get("/api/v2/procedures/", {"legal_field": live.legal_field_id})
    assert by_field.json()["meta"]["total_count"] == 1
