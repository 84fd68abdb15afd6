"""locale/vi completes Wagtail's Vietnamese: built from tools/vi_admin.tsv against
Wagtail's own msgids, compiled, and winning over Wagtail's catalogue."""

import gettext
import importlib.util
import json
from pathlib import Path

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ROOT = Path(__file__).resolve().parents[2]
MO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.mo"


def _builder():
    spec = importlib.util.spec_from_file_location("build_vi_po", ROOT / "tools" / "build_vi_po.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_entry_is_a_wagtail_msgid_with_its_placeholders_and_the_po_is_current():
    builder = _builder()
    _text, errors = builder.build()
    assert errors == []
    assert builder.main(["--check"]) == 0


def test_the_compiled_catalogue_holds_every_entry():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for _number, key, vi in _builder().pairs():
        if key.startswith("[") or "\\" in key:
            continue  # context and escaped msgids: covered by the .po check above
        assert compiled.gettext(key) in (vi, compiled.ngettext(key, key, 1)), key


def test_vietnamese_admin_strings_override_and_complete_wagtails():
    with translation.override("vi"):
        assert _("%(label)s and Publish") % {"label": "Phê duyệt"} == "Phê duyệt và Xuất bản"
        assert _("Request changes") == "Yêu cầu chỉnh sửa"
        assert _("Save draft") == "Lưu nháp"
        page = _("Page %(page_num)s of %(total_pages)s") % {"page_num": 1, "total_pages": 1}
        assert page == "Trang 1 / 1"
        matches = ngettext("There is %(counter)s match", "There are %(counter)s matches", 3)
        assert matches % {"counter": 3} == "Có 3 kết quả"
        no_match = _("No %(model_name)s match your query.") % {"model_name": "văn bản"}
        assert no_match == "Không có văn bản nào khớp với từ khóa tìm kiếm."


def test_english_admin_stays_english():
    with translation.override("en"):
        assert _("Request changes") == "Request changes"


def test_the_admin_scripts_catalogue_is_vietnamese_too(client):
    with translation.override("vi"):
        response = client.get(reverse("wagtailadmin_javascript_catalog"))
    body = response.content.decode()
    assert response.status_code == 200
    for vi in ["Trình đơn chính", "Đang tự động lưu…"]:
        assert vi in body or json.dumps(vi)[1:-1] in body
