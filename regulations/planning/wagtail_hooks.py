"""Admin: plans, tasks, review records (with workflow), notifications, and the
tracking views (unit landing page, leadership table, exports)."""

from django import forms
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.widgets import AdminDateInput
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_scope import ScopedSnippetViewSet

from . import admin_urls
from .forms import PlanTaskForm
from .models import Notification, Plan, PlanTask, ReviewPrinciple, ReviewProposal, ReviewRecord
from .permissions import (
    PlanTaskPermissionPolicy,
    ReviewRecordPermissionPolicy,
    can_view_tasks,
    can_view_tracking,
)
from .review_admin import (
    ReviewRecordCreateView,
    ReviewRecordEditView,
    ReviewRecordForm,
    review_action_menu,
)
from .scope import scoped_notices, scoped_reviews, scoped_tasks
from .services.panel import unit_summary
from .views.snippets import ObjectPermissionEditView, ObjectPermissionIndexView

register_permission_policy(PlanTask, PlanTaskPermissionPolicy(PlanTask))
register_permission_policy(ReviewRecord, ReviewRecordPermissionPolicy(ReviewRecord))


@hooks.register("register_admin_urls")
def planning_admin_urls():
    return [path("ke-hoach/", include(admin_urls, namespace="planning_admin"))]


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "list-ol"
    menu_label = _("Kế hoạch")
    list_display = [
        "__str__",
        "document",
        Column("updated_at", label=_("Cập nhật lúc"), sort_key="updated_at"),
    ]
    search_fields = ["document__number_symbol", "document__title", "objectives"]
    search_backend_name = None
    panels = [
        FieldPanel("document"),
        FieldPanel("objectives"),
        FieldPanel("basis_documents", widget=forms.SelectMultiple(attrs={"size": 8})),
        InlinePanel("versions", label=_("Phiên bản kế hoạch (ban hành, sửa đổi)")),
    ]


class PlanTaskViewSet(ScopedSnippetViewSet):
    """Listing, inspect, edit and chooser see the same tasks (scope.scoped_tasks)."""

    model = PlanTask
    icon = "tasks"
    menu_label = _("Nhiệm vụ")
    edit_view_class = ObjectPermissionEditView
    index_view_class = ObjectPermissionIndexView
    inspect_view_enabled = True
    list_display = ["number", "title", "lead_unit", "deadline_label", "status", "lateness_label"]
    list_filter = ["plan", "lead_unit", "status", "recurring"]
    list_export = ["number", "title", "lead_unit", "deadline", "status", "completed_on"]
    export_headings = {
        "number": "Số thứ tự",
        "title": "Nhiệm vụ",
        "lead_unit": "Đơn vị chủ trì",
        "deadline": "Thời hạn",
        "status": "Trạng thái",
        "completed_on": "Ngày hoàn thành",
    }
    ordering = ["plan", "number"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("plan"), FieldPanel("plan_version")]),
                    FieldRowPanel([FieldPanel("number"), FieldPanel("parent")]),
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldPanel("lead_unit"),
                    FieldPanel("coordinating_units", widget=forms.CheckboxSelectMultiple),
                    MultiFieldPanel(
                        [
                            FieldPanel("recurring"),
                            FieldRowPanel(
                                [
                                    FieldPanel("deadline", widget=AdminDateInput),
                                    FieldPanel("reporting_period"),
                                ]
                            ),
                        ],
                        heading=_("Thời hạn"),
                    ),
                    FieldPanel("expected_output"),
                    FieldRowPanel(
                        [FieldPanel("status"), FieldPanel("completed_on", widget=AdminDateInput)]
                    ),
                ],
                heading=_("Nhiệm vụ"),
            ),
            ObjectList(
                [InlinePanel("targets", label=_("Đối tượng"))], heading=_("Đối tượng của nhiệm vụ")
            ),
        ],
        base_form_class=PlanTaskForm,
    )

    def scope_queryset(self, queryset, user):
        return scoped_tasks(queryset, user)


class ReviewRecordViewSet(ScopedSnippetViewSet):
    """Listing, inspect, edit and chooser see the same records (scope.scoped_reviews)."""

    model = ReviewRecord
    icon = "doc-full-inverse"
    menu_label = _("Phiếu rà soát")
    add_view_class = ReviewRecordCreateView
    edit_view_class = ReviewRecordEditView
    index_view_class = ObjectPermissionIndexView
    inspect_view_enabled = True
    list_display = [
        "title",
        Column("target_label", label=_("Đối tượng rà soát")),
        "outcome",
        "responsible_unit",
        "status_label",
        "next_step_link",
    ]
    list_filter = ["plan", "outcome", "responsible_unit", "target_kind"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("plan"), FieldPanel("task")]),
                    FieldPanel("target_kind"),
                    FieldRowPanel([FieldPanel("document"), FieldPanel("provision_path")]),
                    FieldPanel("procedure"),
                    FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                    InlinePanel("findings", label=_("Phát hiện")),
                    FieldPanel("basis_documents", widget=forms.SelectMultiple(attrs={"size": 8})),
                    FieldPanel("outcome"),
                    FieldPanel("reason"),
                    FieldRowPanel(
                        [
                            FieldPanel("responsible_unit"),
                            FieldPanel("deadline", widget=AdminDateInput),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("reviewer"), FieldPanel("reviewed_on", widget=AdminDateInput)]
                    ),
                ],
                heading=_("Rà soát"),
            ),
            ObjectList(
                [InlinePanel("simplifications", label=_("Phương án đơn giản hóa"), max_num=5)],
                heading=_("Đơn giản hóa thủ tục"),
            ),
        ],
        base_form_class=ReviewRecordForm,
    )

    def scope_queryset(self, queryset, user):
        return scoped_reviews(queryset, user)


class ReviewPrincipleViewSet(SnippetViewSet):
    model = ReviewPrinciple
    icon = "list-ul"
    menu_label = _("Nguyên tắc rà soát")
    list_display = ["name", "code", "sort_order"]


class NotificationViewSet(ScopedSnippetViewSet):
    """What was sent: each user sees their own; leadership and administrators see all."""

    model = Notification
    icon = "mail"
    menu_label = _("Thông báo đã gửi")
    inspect_view_enabled = True
    list_display = ["subject", "kind", "recipient", "email", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["subject", "body", "email"]
    search_backend_name = None
    panels = [FieldPanel("subject", read_only=True), FieldPanel("body", read_only=True)]

    def scope_queryset(self, queryset, user):
        return scoped_notices(queryset.select_related("recipient"), user)


def _proposal_url(proposal):
    return reverse("planning_admin:proposal", args=[proposal.pk])


class ReviewProposalViewSet(SnippetViewSet):
    """Đề xuất nhiệm vụ rà soát: listed here, decided on their own page (accept, dismiss)."""

    model = ReviewProposal
    icon = "help"
    menu_label = _("Đề xuất rà soát")
    list_display = [
        TitleColumn("title", label=_("Nhiệm vụ đề xuất"), get_url=_proposal_url),
        "unit",
        "status",
        DateColumn("created_at", label=_("Đề xuất ngày"), sort_key="created_at"),
    ]
    list_filter = ["status", "unit"]
    copy_view_enabled = False
    panels = [
        FieldPanel("title", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("unit", read_only=True),
        FieldPanel("status", read_only=True),
    ]


class PlanningGroup(SnippetViewSetGroup):
    menu_label = _("Kế hoạch và rà soát")
    menu_icon = "list-ol"
    menu_order = 210
    items = (
        PlanViewSet,
        PlanTaskViewSet,
        ReviewRecordViewSet,
        ReviewProposalViewSet,
        NotificationViewSet,
        ReviewPrincipleViewSet,
    )


register_snippet(PlanningGroup)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, check=None, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def my_unit_menu_item():
    return PermittedMenuItem(
        _("Việc của đơn vị tôi"),
        reverse("planning_admin:my_unit"),
        icon_name="tasks",
        order=200,
        check=can_view_tasks,
    )


@hooks.register("register_admin_menu_item")
def tracking_menu_item():
    return PermittedMenuItem(
        _("Theo dõi toàn Sở"),
        reverse("planning_admin:tracking"),
        icon_name="table",
        order=205,
        check=can_view_tracking,
    )


class MyUnitPanel(Component):
    """Dashboard panel: the signed-in user's unit at a glance."""

    name = "planning_my_unit"
    order = 50
    template_name = "planning/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return unit_summary(self.request.user)


@hooks.register("construct_homepage_panels")
def add_my_unit_panel(request, panels):
    if can_view_tasks(request.user):
        panels.append(MyUnitPanel(request))


hooks.register("construct_snippet_action_menu", review_action_menu)
