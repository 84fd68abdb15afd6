from django import template
from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from cms.navigation import main_navigation
from cms.pages.models import CommitmentsPage

register = template.Library()

# Titles the site's pages are created with (cms/pages/demo/site.json); the English catalogue
# has them, so the menu and the headings follow the language. A title an editor has
# changed shows as written.
PAGE_TITLES = (gettext_noop("Cam kết phục vụ"),)


@register.filter
def page_title(title):
    """A page's title in the page's language, when the catalogue has it."""
    return gettext(title) if title else title


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context):
    request = context.get("request")
    path = request.path if request else "/"
    items = main_navigation(path)
    commitments = CommitmentsPage.objects.live().first()
    if commitments:
        url = commitments.url
        items.append(
            {
                "label": page_title(commitments.title),
                "url": url,
                "active": path.startswith(url or "#"),
            }
        )
    return {"items": items}


@register.simple_tag
def commitments_page():
    return CommitmentsPage.objects.live().first()


@register.simple_tag(takes_context=True)
def main_links(context):
    request = context.get("request")
    return main_navigation(request.path if request else "/")


@register.simple_tag
def language_choices():
    """settings.LANGUAGES as written there: each language by its own name ("Tiếng Việt",
    "English"), untranslated (Django's tag would call Vietnamese "Tiếng Anh" in English)."""
    return [{"code": code, "name": name} for code, name in settings.LANGUAGES]
