"""Generated bad parameters over the public URLs and API endpoints: never a 500."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URLS = [
    "/api/v2/documents/",
    "/api/v2/documents/find/",
    "/api/v2/procedures/",
    "/api/v2/provisions/",
    "/api/v2/pages/",
    "/api/search/",
    "/tim-kiem/",
    "/van-ban/",
    "/thu-tuc/",
    "/khao-sat/",
    "/khao-sat/ma-qr.svg",
    "/phan-anh/",
    "/ho-so/tra-cuu/",
]
PARAMS = [
    "offset", "limit", "search", "search_operator", "order", "id", "issued_date",
    "year", "kind", "legal_field", "handling_unit", "procedure_set", "version",
    "document", "date", "q", "type", "issuer", "status", "field", "unit", "page",
    "sort", "thu_tuc", "ho_so", "trang", "ngay", "phien_ban", "linh_vuc", "cap",
]  # fmt: skip
BAD_VALUES = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=5),
    st.sampled_from(["31/02/2017", "2017-13-01", "0000-00-00", "xor", "-", "%", "'", '"']),
    st.text(max_size=30),
)


@pytest.mark.django_db
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=st.sampled_from(URLS), name=st.sampled_from(PARAMS), value=BAD_VALUES)
def test_no_generated_parameter_gives_a_500(demo_site, url, name, value):
    response = Client(raise_request_exception=False).get(f"{url}?{urlencode({name: value})}")
    assert response.status_code < 500 or response.status_code == 503, (url, name, value)
