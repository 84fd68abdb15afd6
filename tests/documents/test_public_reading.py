"""Reading a document on a phone: the version choice fits, each provision has a
small named ¶ link, the contents fold per chapter, and a date before the document
says so with a link to the current text."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from regulations.documents.structure import ProvisionLevel as L
from regulations.documents.toc import OPEN_LIMIT

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15), title="Quy chế làm việc")
    make_version(doc, date(2017, 2, 15))
    return doc


def _long_code_rows(chapters=6, articles_per_chapter=10):
    rows, article = [], 0
    for chapter in range(1, chapters + 1):
        rows.append(
            (L.CHAPTER, ["I", "II", "III", "IV", "V", "VI"][chapter - 1], f"CHƯƠNG {chapter}", "")
        )
        for _ in range(articles_per_chapter):
            article += 1
            rows.append((L.ARTICLE, str(article), f"Điều khoản {article}", ""))
            rows.append((L.CLAUSE, "1", "", f"Nội dung khoản 1 Điều {article}."))
    return rows


@pytest.fixture
def code():
    doc = make_document("91/2015/QH13", "Luật", date(2015, 11, 24), title="Bộ luật Dân sự")
    make_version(doc, date(2017, 1, 1), rows=_long_code_rows())
    return doc


def _page(client, document, **params):
    response = client.get(reverse("documents:detail", args=[document.slug]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_each_provision_has_a_small_named_anchor_not_a_text_line(client, rules):
    html = _page(client, rules)
    assert '<p class="prov-note"><a class="permalink"' not in html
    link = reverse("documents:provision", args=[rules.slug, "dieu-2/khoan-2"])
    anchor = re.search(rf'<a class="permalink" href="{re.escape(link)}">(.*?)</a>', html)
    assert anchor, "the clause's permalink"
    assert '<span aria-hidden="true">¶</span>' in anchor.group(1)
    assert '<span class="visually-hidden">Liên kết đến khoản 2 Điều 2</span>' in anchor.group(1)
    # The link sits inside the clause's own paragraph, not on a line of its own.
    assert re.search(r"<p>2\. Giải quyết công việc đúng thời hạn\. <a class=\"permalink\"", html)


def test_short_contents_fold_per_chapter_and_start_open(client, rules):
    html = _page(client, rules)
    toc = html.split('<nav class="doc-toc"')[1].split("</nav>")[0]
    assert toc.count("<details open>") == 1
    assert "<summary>Chương I" in toc
    assert "(4 điều)" in toc
    assert 'href="#dieu-1"' in toc and "Đến đầu Chương I" in toc


def test_long_contents_fold_each_chapter_closed(client, code):
    html = _page(client, code)
    toc = html.split('<nav class="doc-toc"')[1].split("</nav>")[0]
    assert OPEN_LIMIT < 66
    assert toc.count("<details>") == 6 and "<details open>" not in toc
    assert toc.count("<summary>") == 6 and "(10 điều)" in toc
    # Every article is still reachable from the contents, inside its chapter.
    assert all(f'href="#dieu-{n}"' in toc for n in range(1, 61))
    assert '<h3 id="toc-heading">Mục lục</h3>' in toc


def test_long_contents_without_chapters_fold_as_a_whole(client):
    doc = make_document("30/2020/NĐ-CP", "Nghị định", date(2020, 3, 5), title="Nghị định dài")
    make_version(
        doc, date(2020, 3, 5), rows=[(L.ARTICLE, str(n), f"Điều {n}", "x") for n in range(1, 51)]
    )
    toc = _page(client, doc).split('<nav class="doc-toc"')[1].split("</nav>")[0]
    assert '<details class="toc-group">' in toc and "Xem mục lục (50 mục)" in toc


def test_version_choice_shrinks_to_the_screen(client, rules):
    css = (settings.BASE_DIR / "cms" / "static" / "css" / "documents.css").read_text()
    rule = re.search(r"\.doc-controls input, \.doc-controls select \{([^}]*)\}", css).group(1)
    assert "max-width: 100%" in rule and "min-width: 0" in rule
    assert re.search(r"\.doc-controls form \{[^}]*min-width: 0", css)
    html = _page(client, rules)
    assert '<div class="doc-controls">' in html and '<label for="doc-date">' in html


@pytest.mark.parametrize("typed", ["2016-01-01", "01/01/2016"])
def test_date_before_the_document_says_not_issued_and_links_to_the_current_text(
    client, rules, typed
):
    html = _page(client, rules, ngay=typed)
    assert "Vào ngày 01/01/2016 văn bản chưa được ban hành (ban hành ngày 15/02/2017)" in html
    assert f'<a href="{rules.get_absolute_url()}">Xem văn bản hiện hành</a>' in html
    assert "không hợp lệ" not in html


def test_date_before_force_says_not_yet_in_force(client):
    doc = make_document(
        "12/QĐ-STTTT", "Quyết định", date(2017, 1, 10), effective=date(2017, 2, 1), title="QĐ"
    )
    make_version(doc, date(2017, 2, 1))
    html = _page(client, doc, ngay="20/01/2017")
    assert "Vào ngày 20/01/2017 văn bản chưa có hiệu lực (có hiệu lực từ ngày 01/02/2017)" in html
    assert "Xem văn bản hiện hành" in html


def test_demo_rules_on_a_day_before_they_existed_say_so(client, demo_site):
    """The walk-through's case: /van-ban/125-qd-stttt/?ngay=2016-01-01 showed the 2017
    text without a word."""
    from regulations.documents.models import LegalDocument

    rules = LegalDocument.objects.get(number_symbol="125/QĐ-STTTT")
    html = _page(client, rules, ngay="2016-01-01")
    assert "Vào ngày 01/01/2016 văn bản chưa được ban hành" in html
    assert f'<a href="{rules.get_absolute_url()}">Xem văn bản hiện hành</a>' in html


CIVIL_CODE = settings.BASE_DIR.parent / "shared" / "corpus" / "laws" / "Bo-luat-91-2015-QH13.docx"


@pytest.fixture
def media(settings, tmp_path):
    """A real media directory: the import keeps the original .docx."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.mark.skipif(not CIVIL_CODE.exists(), reason="the shared corpus is not on this machine")
def test_civil_code_contents_show_only_its_parts_until_opened(client, media):
    """The Civil Code (689 articles) once filled ~29,000 px before Điều 1: now what shows
    is one folded line per part, with its chapters folded inside."""
    from regulations.documents.models import LegalDocument
    from regulations.wordio.importer import import_file

    report = import_file(CIVIL_CODE.read_bytes(), CIVIL_CODE.name, queue_index=False)
    assert report.status == "ok", report.error
    code = LegalDocument.objects.get(number_symbol="91/2015/QH13")
    code.live = True
    code.save()
    response = client.get(reverse("documents:detail", args=[code.slug]))
    contents = response.context["toc"]
    toc = response.content.decode().split('<nav class="doc-toc"')[1].split("</nav>")[0]
    assert contents["open"] is False and "<details open>" not in toc
    assert len(contents["nodes"]) <= 8
    assert sum(1 for node in contents["nodes"] if node["children"]) >= 6
    assert toc.count("<details>") > 50 and 'href="#dieu-689"' in toc
    print(len(response.content), len(contents["nodes"]), toc.count("<details>"), contents["count"])
