"""Admin side of "căn cứ pháp lý đã thay đổi": the warning panel on a procedure and the
report "Thủ tục có căn cứ pháp lý thay đổi" (Wagtail ReportView, XLSX/CSV export)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms.spreadsheet import FriendlySpreadsheetMixin
from regulations.organisation.models import Unit

from ..models import BasisChangeStatus, ProcedureBasisChange
from ..services.affected import open_changes


class BasisChangePanel(Panel):
    """Warning on the procedure's edit page: the legal basis changed, what and where."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "procedures/admin/basis_change_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.changes

        @property
        def changes(self):
            if not hasattr(self, "_changes"):
                self._changes = list(open_changes(self.instance)) if self.instance.pk else []
            return self._changes

        def render_html(self, parent_context=None):
            return render_to_string(
                self.template_name,
                {"changes": self.changes, "report_url": reverse("procedures_admin:basis_report")},
            )


def can_view_report(user) -> bool:
    return bool(
        getattr(user, "is_active", False)
        and (user.is_superuser or user.has_perm("procedures.view_procedure"))
    )


class BasisChangeFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        field_name="procedure__handling_unit",
        queryset=Unit.objects.all(),
        label=_("Đơn vị giải quyết"),
    )
    status = django_filters.ChoiceFilter(
        choices=BasisChangeStatus.choices,
        label=_("Trạng thái"),
        method="filter_status",
        empty_label=_("Tất cả"),
    )

    class Meta:
        model = ProcedureBasisChange
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == BasisChangeStatus.OPEN)


def _procedure_url(change):
    return reverse("wagtailsnippets_procedures_procedure:edit", args=[change.procedure_id])


class BasisChangeReportView(FriendlySpreadsheetMixin, ReportView):
    page_title = _("Thủ tục có căn cứ pháp lý thay đổi")
    header_icon = "warning"
    index_url_name = "procedures_admin:basis_report"
    index_results_url_name = "procedures_admin:basis_report_results"
    filterset_class = BasisChangeFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("procedure", label=_("Thủ tục"), get_url=_procedure_url),
        Column("unit_name", label=_("Đơn vị giải quyết")),
        Column("document", label=_("Văn bản căn cứ"), accessor="document.citation_name"),
        Column("changes_label", label=_("Quy định thay đổi")),
        DateColumn("effective_from", label=_("Có hiệu lực từ ngày"), accessor="effective_from"),
        Column("amending", label=_("Văn bản sửa đổi")),
        DateColumn("created_at", label=_("Phát hiện ngày")),
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
    ]
    list_export = [
        "procedure_code",
        "procedure_name",
        "unit_name",
        "document_name",
        "changes_label",
        "effective_from",
        "amending",
        "created_at",
        "status_label",
        "resolution",
    ]
    export_headings = {
        "procedure_code": _("Mã thủ tục"),
        "procedure_name": _("Tên thủ tục"),
        "unit_name": _("Đơn vị giải quyết"),
        "document_name": _("Văn bản căn cứ"),
        "changes_label": _("Quy định thay đổi"),
        "effective_from": _("Có hiệu lực từ ngày"),
        "amending": _("Văn bản sửa đổi"),
        "created_at": _("Phát hiện lúc"),
        "status_label": _("Trạng thái"),
        "resolution": _("Kết quả xử lý"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "thu-tuc-co-can-cu-phap-ly-thay-doi"

    def get_queryset(self):
        return ProcedureBasisChange.objects.select_related(
            "procedure__handling_unit", "document", "legal_version__amending_document"
        ).order_by(F("resolved_at").asc(nulls_first=True), "-created_at", "-pk")

    def get_table(self, object_list):
        return super().get_table([_annotate(change) for change in object_list])

    def to_row_dict(self, item):
        return super().to_row_dict(_annotate(item))


def _annotate(change):
    """The flat values the columns and the export read."""
    procedure = change.procedure
    version = change.legal_version
    change.procedure_code = procedure.code
    change.procedure_name = procedure.name
    change.unit_name = procedure.handling_unit.name if procedure.handling_unit_id else ""
    change.document_name = change.document.citation_name
    change.effective_from = version.effective_from
    change.amending = (
        version.amending_document.citation_name if version.amending_document_id else ""
    )
    change.status_label = str(change.get_status_display())
    return change
