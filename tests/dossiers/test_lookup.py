"""Public lookup: right answer, identical answers for unknown code / wrong digits, no
personal data, rate limit."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from regulations.dossiers.services.letters import confirm_letter
from regulations.dossiers.views import public

from .factories import make_dossier, make_procedure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dossier():
    procedure = make_procedure()
    return make_dossier(
        procedure,
        "000.00.26.H29-170001",
        applicant_name="Lê Thị Hoa",
        applicant_phone="0912 345 678",
        applicant_address="Số 9 Cầu Giấy, Hà Nội",
        applicant_email="hoa@example.vn",
    )


def post(client, code, digits, ip="10.0.0.1"):
    return client.post(
        reverse("dossiers:lookup"), {"code": code, "phone_last4": digits}, REMOTE_ADDR=ip
    )


def answer(response):
    """The page without its per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_lookup_form_is_accessible_and_served_at_ho_so_tra_cuu(client):
    response = client.get("/ho-so/tra-cuu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("dossiers:lookup") == "/ho-so/tra-cuu/"
    assert '<label for="id_code">' in html and '<label for="id_phone_last4">' in html
    assert "<h1>" in html and 'method="post"' in html and "<script" not in html.split("<main")[1]


def test_right_code_and_digits_show_status_appointment_and_letters(client, dossier):
    confirm_letter(
        dossier,
        None,
        "Cần xác minh thêm",
        date(2017, 3, 20),
        "Phạm Văn Đức",
        "Trưởng phòng",
        issued_on=date(2017, 3, 14),
    )
    response = post(client, " 000.00.26.h29-170001 ", "5678")
    html = response.content.decode()
    assert response.status_code == 200
    assert dossier.procedure.name in html
    assert "Được tiếp nhận" in html
    assert "20/03/2017" in html  # the new appointment date
    assert "1/PXL-STTTT" in html
    for personal in ["Lê Thị Hoa", "0912", "345 678", "Cầu Giấy", "hoa@example.vn", "Phạm Văn Đức"]:
        assert personal not in html


def test_unknown_code_and_wrong_digits_give_identical_answers(client, dossier):
    wrong_digits = post(client, "000.00.26.H29-170001", "0000")
    unknown_code = post(client, "000.00.26.H29-179999", "0000")
    assert wrong_digits.status_code == unknown_code.status_code == 200
    # Same page, byte for byte, except the code echoed back into the input.
    a = answer(wrong_digits).replace("000.00.26.H29-170001", "CODE")
    b = answer(unknown_code).replace("000.00.26.H29-179999", "CODE")
    assert a == b
    assert "Không tìm thấy hồ sơ" in a and dossier.procedure.name not in a


def test_same_code_path_for_unknown_code_and_wrong_digits(dossier, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert public.find("000.00.26.H29-170001", "1111") is None
    with django_assert_num_queries(1):
        assert public.find("NOPE", "1111") is None
    assert public.find("000.00.26.H29-170001", "5678") == dossier


def test_dossier_without_phone_never_matches(dossier):
    dossier.applicant_phone = ""
    dossier.save()
    assert public.find(dossier.code, "0000") is None


def test_invalid_digits_are_a_form_error(client, dossier):
    response = post(client, dossier.code, "12a4")
    assert "Nhập đúng 4 chữ số" in response.content.decode()


def test_lookups_are_rate_limited_per_client(client, dossier):
    for _ in range(public.RATE_LIMIT):
        assert post(client, "X", "1234").status_code == 200
    limited = post(client, dossier.code, "5678")
    assert limited.status_code == 429
    assert dossier.procedure.name not in limited.content.decode()
    assert post(client, dossier.code, "5678", ip="10.0.0.2").status_code == 200


def test_a_dossier_waiting_for_papers_lists_the_papers_to_add(client, dossier):
    from regulations.dossiers.services.records import change_status

    change_status(dossier, 5, requested_papers="- Bản sao giấy đăng ký kinh doanh\nTờ khai mẫu 02")
    html = post(client, "000.00.26.H29-170001", "5678").content.decode()
    assert "Yêu cầu bổ sung giấy tờ" in html
    assert "Giấy tờ cần bổ sung" in html
    assert "<li>Bản sao giấy đăng ký kinh doanh</li>" in html
    assert "<li>Tờ khai mẫu 02</li>" in html


def test_papers_are_not_shown_once_the_dossier_is_back_in_progress(client, dossier):
    from regulations.dossiers.services.records import change_status

    change_status(dossier, 5, requested_papers="Tờ khai mẫu 02")
    change_status(dossier, 4)
    html = post(client, "000.00.26.H29-170001", "5678").content.decode()
    assert "Tờ khai mẫu 02" not in html and "Giấy tờ cần bổ sung" not in html


def test_the_answer_links_to_the_survey_prefilled_with_the_dossier_code(client, dossier):
    html = post(client, "000.00.26.H29-170001", "5678").content.decode()
    assert 'href="/khao-sat/?ho_so=000.00.26.H29-170001"' in html
    assert "Đánh giá sự hài lòng" in html
    survey = client.get("/khao-sat/", {"ho_so": "000.00.26.H29-170001"}).content.decode()
    assert 'value="000.00.26.H29-170001"' in survey
