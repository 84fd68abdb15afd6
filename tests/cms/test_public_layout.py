"""Public pages on a phone: body classes do not pick up component rules, and the
language switch names each language in its own language."""

import re

from django.conf import settings

CSS_DIR = settings.BASE_DIR / "cms" / "static" / "css"
TEMPLATE_DIRS = [settings.BASE_DIR / "templates", settings.BASE_DIR / "regulations"]


def _css_classes():
    classes = set()
    for css in CSS_DIR.glob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(), flags=re.S)
        for selectors in re.findall(r"([^{}]+)\{", text):
            classes.update(re.findall(r"\.([A-Za-z_][\w-]*)", selectors))
    return classes


def _body_classes():
    found = {}
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            for value in re.findall(
                r"{% block body_class %}(.*?){% endblock", template.read_text()
            ):
                for name in value.split():
                    found[name] = template.name
    return found


def test_no_body_class_is_also_a_component_class():
    body = _body_classes()
    assert body, "the pages set body classes"
    clashes = {name: page for name, page in body.items() if name in _css_classes()}
    assert clashes == {}


def test_commitments_page_body_and_list_have_distinct_classes(client, demo_site):
    html = client.get("/cam-ket-phuc-vu/").content.decode()
    assert '<body class="page-commitments">' in html
    assert '<ol class="commitment-list">' in html
    assert "commitment-list" in _css_classes() and "page-commitments" not in _css_classes()


def _english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


def _language_options(html):
    switch = html.split('<select id="language-select" name="language">')[1].split("</select>")[0]
    return re.findall(r'<option value="(\w+)" lang="\1"[^>]*>([^<]+)</option>', switch)


def test_language_switch_names_each_language_in_its_own_language(client, demo_site):
    vietnamese = _language_options(client.get("/").content.decode())
    _english(client)
    english = _language_options(client.get("/").content.decode())
    assert vietnamese == english == [("vi", "Tiếng Việt"), ("en", "English")]


def test_english_mode_translates_the_menu_headings_and_counts(client, demo_site):
    _english(client)
    home = client.get("/").content.decode()
    nav = home.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert ">Service commitments</a>" in nav and "Cam kết phục vụ" not in nav
    commitments = client.get("/cam-ket-phuc-vu/").content.decode()
    assert "<h1>Service commitments</h1>" in commitments
    assert ">Send feedback</a>" in commitments
    catalogue = client.get("/thu-tuc/").content.decode()
    assert "<h1>Catalogue of administrative procedures</h1>" in catalogue
    assert re.search(r'<h2 id="results-heading">\d+ procedures? found</h2>', catalogue)
    assert "Tìm thấy" not in catalogue
    library = client.get("/van-ban/").content.decode()
    assert "<h1>Document library</h1>" in library and "<summary>Filters" in library
    assert "<legend>Document type</legend>" in library and ">Newest first</option>" in library


def test_vietnamese_mode_keeps_the_vietnamese_titles(client, demo_site):
    nav = client.get("/").content.decode().split('<nav class="site-nav"')[1]
    assert ">Cam kết phục vụ</a>" in nav.split("</nav>")[0]
    assert "<h1>Cam kết phục vụ</h1>" in client.get("/cam-ket-phuc-vu/").content.decode()
