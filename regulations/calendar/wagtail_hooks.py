from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Holiday


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Lịch nghỉ lễ, làm bù")
    menu_order = 320
    add_to_admin_menu = False
    list_display = ["date", "name", "kind", "year"]
    list_filter = ["year", "kind"]
    search_fields = ["name", "note"]
    ordering = ["date"]
    list_per_page = 100


register_snippet(HolidayViewSet)
