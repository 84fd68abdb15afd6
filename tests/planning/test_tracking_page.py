"""The tracking page's plan dropdown shows the plan the table shows; the dashboard's
"Việc của đơn vị tôi" panel is built like Wagtail's own panels (aligned heading)."""

import re
from datetime import date

from .conftest import make_plan


def _selected_plan(html):
    select = re.search(r'<select name="plan"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r"<option[^>]*selected[^>]*>([^<]*)</option>", select), select


def test_plan_dropdown_shows_the_plan_of_the_table_without_a_choice(world, client):
    client.force_login(world.users["lanhdao"])
    for url in ("/admin/ke-hoach/theo-doi/", "/admin/ke-hoach/theo-doi/nhiem-vu/"):
        html = client.get(url).content.decode()
        selected, select = _selected_plan(html)
        assert selected == ["572/KH-STTTT"]
        assert "---------" not in select
        assert "Kế hoạch 572/KH-STTTT" in html


def test_plan_dropdown_keeps_the_plan_with_other_filters(world, client):
    client.force_login(world.users["lanhdao"])
    html = client.get(
        "/admin/ke-hoach/theo-doi/", {"period_start": "01/06/2017", "period_end": "30/06/2017"}
    ).content.decode()
    assert _selected_plan(html)[0] == ["572/KH-STTTT"]


def test_plan_dropdown_follows_the_chosen_plan(world, client):
    other = make_plan("10/KH-STTTT", issued=date(2016, 1, 5))
    client.force_login(world.users["lanhdao"])
    html = client.get("/admin/ke-hoach/theo-doi/", {"plan": other.pk}).content.decode()
    assert _selected_plan(html)[0] == ["10/KH-STTTT"]
    assert "Kế hoạch 10/KH-STTTT" in html


def test_my_unit_panel_heading_sits_in_wagtails_panel_header(world, client):
    client.force_login(world.users["truongphong"])
    html = client.get("/admin/").content.decode()
    start = html.index('id="planning-my-unit-section"')
    panel = html[start : html.index("</section>", start)]
    header = panel[panel.index('class="w-panel__header"') : panel.index("w-panel__content")]
    # The header grid's anchor and toggle come before the heading, as in Wagtail's panels.
    assert header.index("w-panel__toggle") < header.index('class="w-panel__heading')
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", header, re.S).group(1)
    assert "Việc của đơn vị tôi – Phòng Công nghệ thông tin" in re.sub(r"<[^>]+>", "", heading)
