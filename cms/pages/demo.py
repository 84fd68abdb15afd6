"""Demo site: home page, the service-commitments page and the agency's settings."""

from wagtail.models import Page, Site

from .models import AgencySettings, CommitmentsPage, HomePage

# Demo-only credentials, documented in the README; load_demo refuses to run with
# DEBUG off, so they never reach a production site by accident.
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "vanban-demo-2017"  # noqa: S105

TEN_COMMITMENTS = [
    "Khách đến, được chào hỏi",
    "Khách ở, luôn tươi cười",
    "Khách hỏi, được tư vấn",
    "Khách yêu cầu, phải tận tâm",
    "Khách cần, được thông báo",
    "Khách vội, giải quyết nhanh",
    "Khách chờ, được xin lỗi",
    "Khách phàn nàn, phải lắng nghe",
    "Khách nhờ, luôn chu đáo",
    "Khách về, được hài lòng",
]

HOME_INTRO = (
    "<p>Cổng thông tin văn bản, thủ tục hành chính và kết quả thực hiện Kế hoạch số "
    "572/KH-STTTT ngày 31/3/2017 về siết chặt kỷ luật, kỷ cương hành chính — "
    "“Năm kỷ cương hành chính 2017”.</p>"
)


def ensure_home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Sở Thông tin và Truyền thông Hà Nội", slug="trang-chu")
        )
    home.intro = HOME_INTRO
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = "Sở Thông tin và Truyền thông Hà Nội"
    site.save()
    # The welcome page that Wagtail's initial migration creates is not ours.
    for stale in root.get_children().exclude(pk=home.pk):
        if not stale.specific_class or stale.specific_class is Page:
            stale.delete()
    return home


def ensure_commitments_page(home: HomePage) -> CommitmentsPage:
    page = CommitmentsPage.objects.child_of(home).first()
    if page is None:
        page = home.add_child(
            instance=CommitmentsPage(
                title="Cam kết phục vụ", slug="cam-ket-phuc-vu", show_in_menus=True
            )
        )
    page.intro = (
        "<p>Bộ phận Một cửa và bộ phận tiếp công dân của Sở niêm yết và thực hiện "
        "10 nội dung, yêu cầu sau (Kế hoạch số 572/KH-STTTT):</p>"
    )
    page.commitments.clear()
    for text in TEN_COMMITMENTS:
        page.commitments.add(page.commitments.model(text=text))
    page.save_revision().publish()
    return page


def load(out):
    home = ensure_home_page()
    page = ensure_commitments_page(home)
    site = Site.objects.get(is_default_site=True)
    AgencySettings.objects.update_or_create(
        site=site,
        defaults={
            "name": "Sở Thông tin và Truyền thông Hà Nội",
            "parent_name": "UBND thành phố Hà Nội",
            "address": "185 Giảng Võ, quận Đống Đa, Hà Nội",
            "hotline": "024 3512 3456",
            "email": "sotttt@hanoi.gov.vn",
            "working_hours": "Thứ Hai – Thứ Sáu, 8:00 – 12:00 và 13:00 – 17:00",
        },
    )
    return f"trang chủ, trang “{page.title}” với {page.commitments.count()} cam kết"
