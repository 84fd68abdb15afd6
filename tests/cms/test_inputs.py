"""Each input the probe found answering 500 now answers 400 (JSON on the API)."""

import pytest
from django.test import Client, RequestFactory

from cms.errors import server_error
from cms.inputs import InputError, parse_date, parse_int

HUGE = "99999999999999999999"


@pytest.fixture
def client_with_demo(demo_site):
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/documents/?issued_date=not-a-date",
        "/api/v2/documents/?offset=" + HUGE,
        "/api/v2/procedures/?offset=" + HUGE,
        "/api/v2/provisions/?offset=" + HUGE,
        "/api/v2/pages/?offset=" + HUGE,
        "/api/v2/documents/?search=a&search_operator=xor",
        "/api/v2/documents/find/?id=abc",
        "/api/v2/procedures/?legal_field=" + HUGE,
        "/api/v2/procedures/?handling_unit=" + HUGE,
        "/api/v2/procedures/?procedure_set=" + HUGE,
        "/api/v2/provisions/?version=" + HUGE,
        "/api/v2/documents/?search=%00",
        "/api/v2/documents/?kind=%00",
    ],
)
def test_bad_api_parameter_is_a_json_400_in_vietnamese(client_with_demo, url):
    response = client_with_demo.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/search/?q=a&kind=%00",
        "/api/search/?q=%00",
        "/api/search/?year=%00",
        "/tim-kiem/?q=a&issuer=%00",
        "/khao-sat/?thu_tuc=%00",
        "/khao-sat/ma-qr.svg?thu_tuc=%00",
        "/khao-sat/ma-qr.png?thu_tuc=%00",
        "/phan-anh/%00/",
        "/api/tracking/units/?plan=%00",
    ],
)
def test_nul_in_public_url_is_a_400(client_with_demo, url):
    assert client_with_demo.get(url).status_code == 400


def test_date_filter_accepts_both_vietnamese_and_iso_dates(client_with_demo):
    iso = client_with_demo.get("/api/v2/documents/?issued_date=2017-03-31")
    vn = client_with_demo.get("/api/v2/documents/?issued_date=31/03/2017")
    assert iso.status_code == vn.status_code == 200
    assert iso.json()["meta"]["total_count"] == vn.json()["meta"]["total_count"]


def test_parse_int_refuses_out_of_range_and_parse_date_both_formats():
    with pytest.raises(InputError):
        parse_int(HUGE, "id")
    assert parse_date("31/03/2017", "d") == parse_date("2017-03-31", "d")


def test_api_404_is_json(client_with_demo):
    response = client_with_demo.get("/api/khong-co/")
    assert response.status_code == 404
    assert response.json() == {"error": "Không tìm thấy trang."}


def test_site_404_is_vietnamese_page_in_site_layout(client_with_demo):
    response = client_with_demo.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang." in body and "site-header" in body


def test_500_page_renders_without_request_context_or_database():
    request = RequestFactory().get("/van-ban/")
    response = server_error(request)  # no db fixture: any query would fail
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_api_500_is_json():
    response = server_error(RequestFactory().get("/api/v2/documents/"))
    assert response.status_code == 500
    assert "error" in __import__("json").loads(response.content)
