"""Wagtail admin of the one-stop counter: menu, dossier snippets, dashboard, report."""

import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from cms.admin_scope import ScopedSnippetViewSet
from cms.spreadsheet import snippet_index_view
from regulations.organisation.models import Unit
from regulations.procedures.models import Procedure

from .admin_forms import DossierAdminForm
from .lateness import late_q
from .models import Dossier, DossierStatus
from .permissions import dossier_scope
from .services.records import save_dossier
from .views import admin as views
from .views.report import LateDossierReportView


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

    class Meta:
        model = Dossier
        fields = ["status", "unit", "procedure"]

    def filter_late(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(late_q())
        if value == "no":
            return queryset.exclude(late_q())
        return queryset


class DossierCreateView(CreateView):
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
        BooleanColumn("late_now", label=_("Quá hạn")),
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


admin_patterns = [
    path("", views.dashboard, name="dashboard"),
    path("ho-so/<int:pk>/", views.detail, name="detail"),
    path("ho-so/<int:pk>/phieu-xin-loi/", views.letter, name="letter"),
    path("ho-so/<int:pk>/gia-han/", views.extend, name="extend"),
    path("phieu-xin-loi/<int:pk>/docx/", views.letter_docx, name="letter_docx"),
    path("nhap-csv/", views.upload, name="import"),
    path("bao-cao/", LateDossierReportView.as_view(), name="report"),
    path(
        "bao-cao/ket-qua/",
        LateDossierReportView.as_view(results_only=True),
        name="report_results",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("mot-cua/", include((admin_patterns, "dossiers_admin"), namespace="dossiers_admin"))
    ]


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
