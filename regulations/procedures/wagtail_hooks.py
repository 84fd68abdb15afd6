"""Admin menu "Thủ tục hành chính": bộ thủ tục, thủ tục, phiên bản thủ tục; the report
"Thủ tục có căn cứ pháp lý thay đổi" in the Reports menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .views.admin import ProcedureAdminGroup
from .views.basis import BasisChangeReportView, can_view_report

register_snippet(ProcedureAdminGroup)

admin_patterns = [
    path("can-cu-thay-doi/", BasisChangeReportView.as_view(), name="basis_report"),
    path(
        "can-cu-thay-doi/ket-qua/",
        BasisChangeReportView.as_view(results_only=True),
        name="basis_report_results",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "thu-tuc/", include((admin_patterns, "procedures_admin"), namespace="procedures_admin")
        )
    ]


class BasisReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_basis_report_menu_item():
    return BasisReportMenuItem(
        _("Thủ tục có căn cứ pháp lý thay đổi"),
        reverse("procedures_admin:basis_report"),
        icon_name="warning",
    )
