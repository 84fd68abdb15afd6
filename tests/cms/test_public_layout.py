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
