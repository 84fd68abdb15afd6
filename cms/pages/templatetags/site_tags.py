from django import template

from cms.navigation import main_navigation
from cms.pages.models import CommitmentsPage

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context):
    request = context.get("request")
    path = request.path if request else "/"
    items = main_navigation(path)
    commitments = CommitmentsPage.objects.live().first()
    if commitments:
        url = commitments.url
        items.append(
            {"label": commitments.title, "url": url, "active": path.startswith(url or "#")}
        )
    return {"items": items}


@register.simple_tag
def commitments_page():
    return CommitmentsPage.objects.live().first()


@register.simple_tag(takes_context=True)
def main_links(context):
    request = context.get("request")
    return main_navigation(request.path if request else "/")
