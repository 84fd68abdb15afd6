"""QR codes, the admin report (SVG chart, XLSX export), report scope, and the poster."""

import io
import zipfile

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from PIL import Image

from regulations.organisation.models import Role
from regulations.organisation.roles import assign_role, sync_role_groups

from .factories import ProcedureFactory, UnitFactory, criteria, response_with

pytestmark = pytest.mark.django_db


def test_qr_svg_and_png_point_to_the_survey(client):
    svg = client.get(reverse("surveys:qr_svg"))
    assert svg.status_code == 200
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content and b"<path" in svg.content
    png = client.get(reverse("surveys:qr_png"))
    assert png["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert image.size[0] == image.size[1] > 100


def test_qr_encodes_the_survey_url_per_procedure():
    from regulations.surveys.services import qr

    a = qr.svg("http://testserver/khao-sat/")
    b = qr.svg("http://testserver/khao-sat/?thu_tuc=1.000001.000.00.00.H26")
    assert a != b


def test_qr_for_an_unknown_procedure_is_404(client):
    assert client.get(reverse("surveys:qr_svg"), {"thu_tuc": "khong-co"}).status_code == 404


@pytest.fixture
def leader(db):
    sync_role_groups()
    user = User.objects.create_user("lanhdao", password="x")
    assign_role(user, UnitFactory(), Role.LEADERSHIP)
    return user


@pytest.fixture
def known_answers():
    c1, c2 = criteria()[:2]
    unit_a, unit_b = UnitFactory(name="Phòng A"), UnitFactory(name="Phòng B")
    response_with({c1: 5, c2: 4}, unit=unit_a, quarter="2017-Q1")
    response_with({c1: 2, c2: 4}, unit=unit_a, quarter="2017-Q2")
    response_with({c1: 1, c2: 1}, unit=unit_b, quarter="2017-Q2")
    return unit_a, unit_b


def test_admin_report_shows_indices_chart_and_table(client, leader, known_answers):
    client.force_login(leader)
    response = client.get(reverse("surveys_admin:report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "Quý 1/2017" in html and "Quý 2/2017" in html
    assert "<caption>" in html
    # unit A + B, factor "tiếp cận": c1 1/3, c2 2/3 → 50%; overall = 50,0%
    assert "50,0%" in html


def test_admin_report_filters_by_unit(client, leader, known_answers):
    unit_a, _ = known_answers
    client.force_login(leader)
    html = client.get(reverse("surveys_admin:report"), {"unit": unit_a.pk}).content.decode()
    # unit A: c1 1/2, c2 2/2 → 75%
    assert "75,0%" in html


def test_xlsx_export(client, leader, known_answers):
    unit_a, _ = known_answers
    client.force_login(leader)
    response = client.get(reverse("surveys_admin:report_xlsx"), {"unit": unit_a.pk})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Tổng hợp", "Tiêu chí", "Theo quý"]
    summary = {row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Chỉ số hài lòng chung (trung bình 5 yếu tố)"] == pytest.approx(0.75)
    quarters = [row[0] for row in workbook["Theo quý"].iter_rows(min_row=2, values_only=True)]
    assert quarters == ["Quý 1/2017", "Quý 2/2017"]


def test_unit_head_sees_only_their_units_results(client, known_answers):
    unit_a, unit_b = known_answers
    sync_role_groups()
    head = User.objects.create_user("truongphong", password="x")
    assign_role(head, unit_b, Role.UNIT_HEAD)
    client.force_login(head)
    # Asking for unit A still shows unit B only (0% satisfied).
    html = client.get(reverse("surveys_admin:report"), {"unit": unit_a.pk}).content.decode()
    assert "Phòng B" in html
    assert "0,0%" in html and "75,0%" not in html


def test_staff_without_a_report_role_is_refused(client):
    sync_role_groups()
    user = User.objects.create_user("chuyenvien", password="x")
    assign_role(user, UnitFactory(), Role.LEGAL_OFFICER)
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    for name in ("surveys_admin:report", "surveys_admin:report_xlsx"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_qr_print_page_in_admin(client, leader):
    procedure = ProcedureFactory()
    client.force_login(leader)
    response = client.get(reverse("surveys_admin:qr_print"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == 2
    assert procedure.name in html


def test_commitments_poster_docx_a4_and_a3(client, demo_site):
    page = client.get("/cam-ket-phuc-vu/")
    assert reverse("surveys:poster", args=["A4"]) in page.content.decode()
    assert reverse("surveys:poster", args=["A3"]) in page.content.decode()
    widths = {}
    for size in ("A4", "A3"):
        response = client.get(reverse("surveys:poster", args=[size]))
        assert response.status_code == 200
        assert "wordprocessingml" in response["Content-Type"]
        assert zipfile.is_zipfile(io.BytesIO(response.content))
        document = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG HÀ NỘI" in text
        assert "1. Khách đến, được chào hỏi" in text
        assert "10. Khách về, được hài lòng" in text
        assert document.inline_shapes  # the QR code
        widths[size] = document.sections[0].page_width.mm
    assert round(widths["A4"]) == 210 and round(widths["A3"]) == 297
    assert client.get("/khao-sat/ap-phich-cam-ket-A5.docx").status_code == 404


def test_commitments_page_is_linked_from_every_public_page(client, demo_site):
    for url in ("/", "/khao-sat/", "/phan-anh/"):
        assert 'href="/cam-ket-phuc-vu/"' in client.get(url).content.decode()


def test_unit_head_lists_and_opens_only_their_units_responses(client, known_answers):
    from regulations.surveys.models import SurveyResponse

    unit_a, unit_b = known_answers
    sync_role_groups()
    head = User.objects.create_user("truongphong2", password="x")
    assign_role(head, unit_b, Role.UNIT_HEAD)
    client.force_login(head)
    base = "/admin/snippets/surveys/surveyresponse/"
    listing = client.get(base)
    assert listing.status_code == 200
    own = SurveyResponse.objects.get(unit=unit_b)
    foreign = SurveyResponse.objects.filter(unit=unit_a).first()
    html = listing.content.decode()
    assert f"Phiếu {own.pk} " in html
    assert f"Phiếu {foreign.pk} " not in html
    assert client.get(f"{base}edit/{foreign.pk}/").status_code in (302, 403)
