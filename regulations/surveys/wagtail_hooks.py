"""Khảo sát hài lòng in the Wagtail admin: methods, factors and criteria (editable),
responses (read), the satisfaction report and the QR print page."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from . import admin_urls
from .models import Factor, SurveyMethod, SurveyResponse
from .scope import can_view_reports, scoped_responses


def _scoped_responses(request, queryset):
    return scoped_responses(queryset, request.user)


class ScopedResponseEditView(EditView):
    """A one-stop officer opens only their own unit's responses."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not _scoped_responses(self.request, SurveyResponse.objects.filter(pk=obj.pk)).exists():
            raise PermissionDenied
        return obj


class SurveyMethodViewSet(SnippetViewSet):
    model = SurveyMethod
    icon = "list-ol"
    menu_label = _("Phương pháp khảo sát")
    list_display = ["name", "decision", "valid_from", "active"]
    list_filter = ["active"]


class FactorViewSet(SnippetViewSet):
    model = Factor
    icon = "list-ul"
    menu_label = _("Yếu tố và tiêu chí")
    list_display = ["name", "method", "sort_order"]
    list_filter = ["method"]
    search_fields = ["name"]


class SurveyResponseViewSet(SnippetViewSet):
    model = SurveyResponse
    icon = "clipboard-list"
    menu_label = _("Phiếu khảo sát")
    list_display = ["__str__", "submitted_at", "dossier_code", "procedure", "unit"]
    list_filter = ["quarter", "unit"]
    search_fields = ["dossier_code", "comments"]
    panels = [
        FieldPanel("dossier_code", read_only=True),
        FieldPanel("procedure", read_only=True),
        FieldPanel("unit"),
        FieldPanel("comments", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("method", read_only=True),
    ]

    edit_view_class = ScopedResponseEditView

    def get_queryset(self, request):
        queryset = SurveyResponse.objects.select_related("procedure", "unit")
        return _scoped_responses(request, queryset)


class SurveysGroup(SnippetViewSetGroup):
    menu_label = _("Khảo sát hài lòng")
    menu_icon = "clipboard-list"
    menu_order = 320
    items = (SurveyResponseViewSet, FactorViewSet, SurveyMethodViewSet)


register_snippet(SurveysGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("khao-sat/", include(admin_urls, namespace="surveys_admin"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Chỉ số hài lòng"), reverse("surveys_admin:report"), icon_name="clipboard-list"
    )


@hooks.register("register_admin_menu_item")
def register_qr_menu_item():
    return MenuItem(
        _("In mã QR khảo sát"), reverse("surveys_admin:qr_print"), icon_name="image", order=321
    )
