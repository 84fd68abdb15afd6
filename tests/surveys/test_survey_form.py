"""The public survey form: valid, bad input, anti-spam, CSRF."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from regulations.surveys.models import Answer, Criterion, SurveyResponse

from .factories import ProcedureFactory, criteria, response_with

pytestmark = pytest.mark.django_db
URL = "/khao-sat/"


def field(criterion):
    return f"tieu_chi_{criterion.pk}"


def valid_post(**extra):
    data = {field(c): "4" for c in criteria()[:5]}
    data.update(extra)
    return data


def test_survey_url_name_and_form_is_accessible_markup(client):
    assert reverse("surveys:form") == URL
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") == len(criteria())
    assert "<legend>" in html
    assert 'type="radio"' in html
    assert "Rất không hài lòng" in html
    assert "csrfmiddlewaretoken" in html
    assert 'name="website"' in html  # honeypot


def test_prefill_from_query_string(client):
    procedure = ProcedureFactory()
    html = client.get(URL, {"ho_so": "000.00.19.H26-170315-0001", "thu_tuc": procedure.code})
    text = html.content.decode()
    assert 'value="000.00.19.H26-170315-0001"' in text
    assert f'<option value="{procedure.pk}" selected>' in text


def test_valid_answers_are_saved_with_the_procedures_unit(client):
    procedure = ProcedureFactory()
    data = valid_post(dossier_code="hs-001", procedure=procedure.pk, comments="Tốt")
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:thanks")
    saved = SurveyResponse.objects.get()
    assert saved.answers.count() == 5
    assert saved.dossier_code == "HS-001"
    assert saved.unit == procedure.handling_unit
    assert saved.quarter.startswith(str(saved.submitted_at.year))
    assert saved.contact == ""  # anonymous by default


def test_answer_outside_the_scale_is_refused_and_nothing_saved(client):
    first = criteria()[0]
    data = valid_post(**{field(first): "7"})
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "phải là một mức từ 1 đến 5" in response.content.decode()
    assert first.text in response.content.decode()
    assert SurveyResponse.objects.count() == 0
    assert Answer.objects.count() == 0


def test_answer_for_an_unknown_criterion_is_refused(client):
    response = client.post(URL, valid_post(tieu_chi_999999="5"))
    assert response.status_code == 400
    assert "tieu_chi_999999" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_answer_for_an_inactive_criterion_is_refused(client):
    retired = criteria()[0]
    Criterion.objects.filter(pk=retired.pk).update(active=False)
    response = client.post(URL, valid_post())
    assert response.status_code == 400
    assert "không còn được hỏi" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_empty_form_asks_for_at_least_one_answer(client):
    response = client.post(URL, {"comments": "x"})
    assert response.status_code == 400
    assert "ít nhất một tiêu chí" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_honeypot_filled_looks_like_success_but_saves_nothing(client):
    response = client.post(URL, valid_post(website="http://spam.example"))
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 0


@override_settings(PUBLIC_FORM_RATE_LIMIT=(5, 600))
def test_rate_limit_per_client(client):
    for _ in range(5):
        assert client.post(URL, valid_post()).status_code == 302
    response = client.post(URL, valid_post())
    assert response.status_code == 429
    assert "quá nhiều phiếu" in response.content.decode()
    assert SurveyResponse.objects.count() == 5
    # Another client is not affected.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(URL, valid_post()).status_code == 302


def test_one_answer_per_dossier_code(client):
    response_with({criteria()[0]: 5}, code="HS-2017-0001")
    response = client.post(URL, valid_post(dossier_code="hs-2017-0001"))
    assert response.status_code == 400
    assert "đã được đánh giá" in response.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_malformed_dossier_code_is_refused(client):
    response = client.post(URL, valid_post(dossier_code="<script>"))
    assert response.status_code == 400
    assert "Mã hồ sơ chỉ gồm" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_csrf_is_enforced():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, valid_post())
    assert response.status_code == 403
    assert SurveyResponse.objects.count() == 0
    # With the token from the form, the same post goes through.
    strict.get(URL)
    token = strict.cookies["csrftoken"].value
    response = strict.post(URL, valid_post(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 1


def test_thank_you_page(client):
    response = client.get(reverse("surveys:thanks"))
    assert response.status_code == 200
    assert "Cảm ơn" in response.content.decode()


def test_submitted_answers_reach_the_search_index(client):
    from search.service import search

    client.post(URL, valid_post())
    found = search("", include_private=True, kind="survey_answer")
    assert found.count == 5
    assert {hit.kind for hit in found.hits} == {"survey_answer"}
