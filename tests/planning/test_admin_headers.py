"""Our admin pages name themselves in their header: none says only "Trang Chủ"."""

import re

import pytest
from django.utils import translation

PAGES = [
    ("/admin/van-ban-sua-doi/", "Tạo phiên bản mới từ văn bản sửa đổi"),
    ("/admin/khao-sat/ket-qua/", "Kết quả khảo sát sự hài lòng"),
    ("/admin/mot-cua/bao-cao/", "Báo cáo hồ sơ quá hạn"),
    ("/admin/mot-cua/", "Bảng theo dõi hồ sơ một cửa"),
    ("/admin/ke-hoach/theo-doi/", "Theo dõi thực hiện kế hoạch"),
    ("/admin/ke-hoach/theo-doi/nhiem-vu/", "Danh sách nhiệm vụ"),
    ("/admin/ke-hoach/", "Việc của đơn vị tôi"),
    ("/admin/word/nhap/", "Nhập văn bản Word"),
]


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(("url", "title"), PAGES)
def test_admin_page_header_names_the_page_not_home(world, client, url, title):
    client.force_login(world.users["admin"])
    with translation.override("vi"):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert title in _text(header)
    assert "Trang Chủ" not in _text(header)
    assert "Trang Chủ" not in _text(html[html.index("<main") :])
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert any(title in _text(h) for h in headings)


def test_dossier_page_header_is_an_h1_naming_the_dossier(world, client):
    from tests.dossiers.factories import make_dossier, make_procedure

    dossier = make_dossier(make_procedure(unit=world.units["vp"]), code="HS-2017-0042")
    client.force_login(world.users["admin"])
    html = client.get(f"/admin/mot-cua/ho-so/{dossier.pk}/").content.decode()
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert any("Hồ sơ HS-2017-0042" in _text(h) for h in headings)
    assert "Trang Chủ" not in _text(html[html.index("<main") :])
