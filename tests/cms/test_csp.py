"""Issue #12, item 8: a Content-Security-Policy on public and admin pages.

Public pages: own origin only, no 'unsafe-inline'/'unsafe-eval'; every inline script or
style they have carries the response's nonce. Admin: its own policy, with what
Wagtail's inline scripts need.
"""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from cms.content_security import SiteCSPMiddleware
from tests.documents.factories import make_document, make_version
from tests.procedures.factories import ProcedureFactory, ProcedureVersionFactory

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def _directives(response):
    policy = response[HEADER]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.fixture
def public_urls(demo_site):
    doc = make_document("9125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế thử")
    make_version(doc, date(2017, 2, 15))
    procedure = ProcedureFactory(code="1.904662.000.00.00.H29")
    ProcedureVersionFactory(procedure=procedure)
    return [
        "/",
        "/van-ban/",
        doc.get_absolute_url(),
        f"{doc.get_absolute_url()}dieu-1/",
        "/thu-tuc/",
        procedure.get_absolute_url(),
        "/tim-kiem/?q=quy+che",
        "/khao-sat/",
        "/phan-anh/",
        "/khong-co-trang-nay/",
    ]


def test_public_pages_have_a_strict_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        directives = _directives(response)
        assert directives["default-src"] == ["'self'"], url
        for name in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in directives[name], (url, name)
            assert "'unsafe-eval'" not in directives[name], (url, name)
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.I)
STYLE_ELEMENT = re.compile(r"<style\b([^>]*)>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
NONCE = re.compile(r"'nonce-([^']+)'")


def test_public_pages_inline_scripts_and_styles_carry_the_nonce(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        html = response.content.decode()
        nonces = set(NONCE.findall(response[HEADER]))
        for attrs in INLINE_SCRIPT.findall(html) + STYLE_ELEMENT.findall(html):
            if "application/json" in attrs or "application/ld+json" in attrs:
                continue  # data, not run
            found = re.search(r'nonce="([^"]+)"', attrs)
            assert found and found.group(1) in nonces, (url, attrs)
        # Attributes cannot carry a nonce: none on public pages.
        assert not EVENT_HANDLER.search(html), url
        assert not STYLE_ATTRIBUTE.search(html), url


def test_a_template_that_uses_the_nonce_gets_it_in_the_header():
    request = RequestFactory().get("/van-ban/")
    middleware = SiteCSPMiddleware(lambda r: None)
    middleware.process_request(request)
    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">x()</script>')
    html = template.render({"CSP_NONCE": request.csp_nonce}, request)
    response = middleware.process_response(request, HttpResponse(html))
    nonce = re.search(r'nonce="([^"]+)"', html).group(1)
    directives = _directives(response)
    assert f"'nonce-{nonce}'" in directives["script-src"]
    assert f"'nonce-{nonce}'" in directives["style-src"]
    assert "'unsafe-inline'" not in directives["script-src"]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.gov.vn", "x")
    client.force_login(user)
    return client


def test_admin_has_its_own_policy_that_allows_wagtails_inline_scripts(client, admin_client):
    login = client.get("/admin/login/")
    assert "'unsafe-inline'" in _directives(login)["script-src"]
    for url in (
        "/admin/",
        reverse("wagtailsnippets_documents_legaldocument:add"),
        reverse("wagtailsnippets_documents_legaldocument:list"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        directives = _directives(response)
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]  # Wagtail's preview iframe
        assert "'unsafe-inline'" in directives["script-src"]
        # No nonce in the admin: it would switch 'unsafe-inline' off.
        assert not NONCE.search(response[HEADER])
    # The document form has Wagtail's inline scripts (date widgets), allowed above.
    html = admin_client.get(reverse("wagtailsnippets_documents_legaldocument:add")).content
    assert INLINE_SCRIPT.search(html.decode())


def test_api_responses_have_the_public_policy(client):
    response = client.get("/api/v2/documents/")
    assert response.status_code == 200
    assert _directives(response)["default-src"] == ["'self'"]
