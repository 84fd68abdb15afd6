from django.apps import apps
from django.core.management import call_command

from cms.pages.demo import SITE


def test_home_page_renders_in_vietnamese_with_agency_footer(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Sở Thông tin và Truyền thông Hà Nội" in html
    assert "185 Giảng Võ" in html
    assert "Cam kết phục vụ" in html  # linked from every page


def test_commitments_page_lists_all_ten_commitments_in_order(client, demo_site):
    response = client.get("/cam-ket-phuc-vu/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(text) for text in SITE["commitments_page"]["commitments"]]
    assert positions == sorted(positions)
    assert html.count("<li>Khách ") == 10


def _row_counts():
    counts = {}
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.label] = model.objects.count()
    return counts


def test_load_demo_twice_leaves_the_same_counts(demo_site):
    before = _row_counts()
    call_command("load_demo", force=True, stdout=_Sink(), stderr=_Sink())
    after = _row_counts()
    # Revisions and the audit log record each publish; they are history, not data.
    for label in ("wagtailcore.Revision", "wagtailcore.PageLogEntry", "wagtailcore.ModelLogEntry"):
        before.pop(label, None)
        after.pop(label, None)
    assert after == before
    assert before["organisation.Unit"] >= 9


def test_language_switch_serves_english(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html


class _Sink:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass


def test_an_english_browser_still_gets_vietnamese_until_the_visitor_switches(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in response.content.decode()
