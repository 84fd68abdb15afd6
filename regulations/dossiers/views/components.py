"""Pieces of the one-stop admin: the list's "Quá hạn" column and the admin home panel."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column

from ..permissions import can_issue_letters, can_sign_letters
from ..services.dashboard import WATCH, counts


class LateColumn(Column):
    """A mark and the words "Quá hạn" for late dossiers only; nothing visible otherwise
    (screen readers hear "Không quá hạn")."""

    cell_template_name = "dossiers/admin/late_cell.html"


class OneStopPanel(Component):
    """Admin home: the dossiers the user sees, at a glance, each count linking to the list."""

    name = "dossiers_one_stop"
    order = 40
    template_name = "dossiers/admin/home_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        numbers = counts(self.request.user)
        listing = reverse("wagtailsnippets_dossiers_dossier:list")
        items = [
            {
                "key": key,
                "label": label,
                "count": numbers[key],
                "url": f"{listing}?{urlencode({'theo_doi': key})}",
            }
            for key, (label, _fn) in WATCH.items()
        ]
        if can_sign_letters(self.request.user) or can_issue_letters(self.request.user):
            items.append(
                {
                    "key": "cho_ky",
                    "label": _("Phiếu xin lỗi chờ lãnh đạo ký"),
                    "count": numbers["cho_ky"],
                    "url": reverse("dossiers_admin:letters_pending"),
                }
            )
        return {"items": items, "dashboard_url": reverse("dossiers_admin:dashboard")}
