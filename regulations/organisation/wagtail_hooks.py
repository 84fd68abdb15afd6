"""Admin for the organisation: the unit tree and staff (unit + role → role group)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import StaffProfile, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "short_name", "kind", "parent", "email"]
    list_filter = ["kind", "parent"]
    search_fields = ["name", "short_name", "code"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("email"),
        FieldPanel("sort_order"),
    ]


class StaffProfileViewSet(SnippetViewSet):
    """Cán bộ: saving a profile puts the user in their role's group (and only that one)."""

    model = StaffProfile
    icon = "user"
    menu_label = _("Cán bộ")
    list_display = ["__str__", "unit", "role", "position"]
    list_filter = ["unit", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    search_backend_name = None
    panels = [FieldPanel("user"), FieldPanel("unit"), FieldPanel("role"), FieldPanel("position")]


class OrganisationGroup(SnippetViewSetGroup):
    menu_label = _("Tổ chức")
    menu_icon = "group"
    menu_order = 220
    items = (UnitViewSet, StaffProfileViewSet)


register_snippet(OrganisationGroup)
