"""Demo site: home page, the service-commitments page and the agency's settings, from
site.json beside this loader (the ten commitments of Kế hoạch 572/KH-STTTT)."""

from wagtail.models import Page, Site

from regulations.demofiles import read_json

from ..models import AgencySettings, CommitmentsPage, HomePage

# Demo-only credentials, documented in the README; load_demo refuses to run with
# DEBUG off, so they never reach a production site by accident.
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "vanban-demo-2017"  # noqa: S105

SITE = read_json(__name__, "site.json")


def ensure_home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title=SITE["home"]["title"], slug=SITE["home"]["slug"])
        )
    home.intro = SITE["home"]["intro"]
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = SITE["site_name"]
    site.save()
    # The welcome page that Wagtail's initial migration creates is not ours.
    for stale in root.get_children().exclude(pk=home.pk):
        if not stale.specific_class or stale.specific_class is Page:
            stale.delete()
    return home


def ensure_commitments_page(home: HomePage) -> CommitmentsPage:
    data = SITE["commitments_page"]
    page = CommitmentsPage.objects.child_of(home).first()
    if page is None:
        page = home.add_child(
            instance=CommitmentsPage(title=data["title"], slug=data["slug"], show_in_menus=True)
        )
    page.intro = data["intro"]
    page.commitments.clear()
    for text in data["commitments"]:
        page.commitments.add(page.commitments.model(text=text))
    page.save_revision().publish()
    return page


def load(out):
    home = ensure_home_page()
    page = ensure_commitments_page(home)
    site = Site.objects.get(is_default_site=True)
    AgencySettings.objects.update_or_create(site=site, defaults=SITE["agency"])
    return f"trang chủ, trang “{page.title}” với {page.commitments.count()} cam kết"
