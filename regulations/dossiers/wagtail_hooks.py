"""Wagtail admin of the one-stop counter: menu, dossier snippets, dashboard, report."""

import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from cms.admin_scope import ScopedSnippetViewSet
from cms.spreadsheet import snippet_index_view
from regulations.organisation.models import Unit
from regulations.procedures.models import Procedure

from . import admin_urls
from .admin_forms import DossierAdminForm
from .lateness import late_q
from .models import Dossier, DossierStatus
from .permissions import dossier_scope
from .services.dashboard import WATCH, watch
from .services.records import save_dossier
from .views.components import LateColumn, OneStopPanel


class DossierFilterSet(WagtailFilterSet):
    status = django_filters.ModelChoiceFilter(
        label=_("Trạng thái"), queryset=DossierStatus.objects.all()
    )
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=Unit.objects.all())
    procedure = django_filters.ModelChoiceFilter(
        label=_("Thủ tục"), queryset=Procedure.objects.all()
    )
    late = django_filters.ChoiceFilter(
        label=_("Quá hạn"),
        choices=[("yes", _("Quá hạn")), ("no", _("Không quá hạn"))],
        method="filter_late",
    )
    theo_doi = django_filters.ChoiceFilter(
        label=_("Theo dõi"),
        choices=[(key, label) for key, (label, _fn) in WATCH.items()],
        method="filter_watch",
    )

    class Meta:
        model = Dossier
        fields = ["status", "unit", "procedure"]

    def filter_late(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(late_q())
        if value == "no":
            return queryset.exclude(late_q())
        return queryset

    def filter_watch(self, queryset, name, value):
        return watch(queryset, value)


class DossierCreateView(CreateView):
    def get_success_url(self):
        # The dossier page, with the receipt to print for the applicant.
        return reverse("dossiers_admin:detail", args=[self.object.pk])

    def save_instance(self):
        instance = self.form.save(commit=False)
        save_dossier(instance, user=self.request.user, note="Tạo trong trang quản trị")
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class DossierEditView(EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        save_dossier(instance, user=self.request.user, note="Sửa trong trang quản trị")
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class DossierViewSet(ScopedSnippetViewSet):
    index_view_class = snippet_index_view()
    model = Dossier
    icon = "folder-open-inverse"
    menu_label = _("Hồ sơ")
    add_to_admin_menu = False
    add_view_class = DossierCreateView
    edit_view_class = DossierEditView
    filterset_class = DossierFilterSet
    list_per_page = 50
    list_display = [
        "code",
        "procedure",
        "unit",
        "status",
        "due_date",
        "appointment_date",
        LateColumn("late_now", label=_("Quá hạn")),
    ]
    list_export = [
        "code",
        "procedure.code",
        "unit",
        "status",
        "received_at",
        "due_date",
        "appointment_date",
        "finished_at",
        "returned_at",
        "late_now",
        "letters_count",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("code"), FieldPanel("procedure"), FieldPanel("method_kind")],
                heading=_("Hồ sơ"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("applicant_name"),
                    FieldRowPanel([FieldPanel("applicant_phone"), FieldPanel("applicant_email")]),
                    FieldPanel("applicant_address"),
                ],
                heading=_("Người nộp (thông tin cá nhân, chỉ cán bộ được xem)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("received_at"),
                    FieldPanel("unit"),
                    FieldPanel("officer"),
                    FieldPanel("status"),
                    FieldPanel("requested_papers"),
                    FieldRowPanel([FieldPanel("finished_at"), FieldPanel("returned_at")]),
                ],
                heading=_("Giải quyết"),
            ),
        ],
        base_form_class=DossierAdminForm,
    )

    def scope_queryset(self, queryset, user):
        return dossier_scope(user, queryset.select_related("procedure", "unit", "status"))


class DossierStatusViewSet(SnippetViewSet):
    model = DossierStatus
    icon = "list-ol"
    menu_label = _("Trạng thái hồ sơ")
    add_to_admin_menu = False
    list_display = ["code", "name", "stage"]


register_snippet(DossierViewSet)
register_snippet(DossierStatusViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("mot-cua/", include(admin_urls, namespace="dossiers_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, perms=(), **kwargs):
        self.perms = perms
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.perms)


class OneStopMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("dossiers.view_dossier") or request.user.has_perm(
            "workcalendar.view_holiday"
        )


MENU = [
    (
        "dashboard",
        _("Bảng theo dõi"),
        "dossiers_admin:dashboard",
        "time",
        ("dossiers.view_dossier",),
    ),
    (
        "dossiers",
        _("Hồ sơ"),
        "wagtailsnippets_dossiers_dossier:list",
        "folder-open-inverse",
        ("dossiers.view_dossier",),
    ),
    (
        "letters",
        _("Phiếu xin lỗi chờ ký"),
        "dossiers_admin:letters_pending",
        "mail",
        ("dossiers.sign_apologyletter", "dossiers.add_apologyletter"),
    ),
    ("import", _("Nhập CSV"), "dossiers_admin:import", "upload", ("dossiers.import_dossiers",)),
    (
        "report",
        _("Báo cáo quá hạn"),
        "dossiers_admin:report",
        "table",
        ("dossiers.view_dossier_report",),
    ),
    (
        "statuses",
        _("Trạng thái hồ sơ"),
        "wagtailsnippets_dossiers_dossierstatus:list",
        "list-ol",
        ("dossiers.view_dossierstatus", "dossiers.change_dossierstatus"),
    ),
    (
        "calendar",
        _("Lịch nghỉ lễ, làm bù"),
        "wagtailsnippets_workcalendar_holiday:list",
        "date",
        ("workcalendar.view_holiday", "workcalendar.change_holiday"),
    ),
]


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        PermissionMenuItem(
            label, reverse(url_name), name=name, icon_name=icon, order=i, perms=perms
        )
        for i, (name, label, url_name, icon, perms) in enumerate(MENU)
    ]
    return OneStopMenu(
        _("Một cửa"), Menu(items=items), icon_name="folder-open-inverse", order=250, name="mot-cua"
    )


@hooks.register("construct_homepage_panels")
def add_one_stop_panel(request, panels):
    if request.user.has_perm("dossiers.view_dossier"):
        panels.append(OneStopPanel(request))


@hooks.register("register_snippet_listing_buttons")
def dossier_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Dossier):
        return []
    return [
        Button(
            _("Xem hồ sơ"),
            reverse("dossiers_admin:detail", args=[snippet.pk]),
            icon_name="view",
            priority=5,
        ),
        Button(
            _("In giấy tiếp nhận"),
            reverse("dossiers_admin:receipt", args=[snippet.pk]),
            icon_name="doc-full",
            priority=6,
        ),
    ]
