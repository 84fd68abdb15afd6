"""Báo cáo hồ sơ quá hạn theo đơn vị và kỳ (Wagtail ReportView: XLSX/CSV export)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from cms.admin_header import NamedHeaderMixin
from cms.spreadsheet import FriendlySpreadsheetMixin
from regulations.organisation.models import Unit

from ..models import Dossier
from ..permissions import can_view_reports, visible_unit_ids
from ..services.reports import late_report, totals


class LateReportFilterSet(WagtailFilterSet):
    received = django_filters.DateFromToRangeFilter(
        label=_("Ngày tiếp nhận"), widget=DateRangePickerWidget, method="noop"
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Unit.objects.all(), method="noop"
    )

    class Meta:
        model = Dossier
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        allowed = visible_unit_ids(request.user) if request is not None else None
        if allowed is not None:
            self.filters["unit"].queryset = Unit.objects.filter(pk__in=allowed)

    def noop(self, queryset, name, value):
        return queryset


class LateDossierReportView(NamedHeaderMixin, FriendlySpreadsheetMixin, ReportView):
    page_title = _("Báo cáo hồ sơ quá hạn")
    header_icon = "warning"
    index_url_name = "dossiers_admin:report"
    index_results_url_name = "dossiers_admin:report_results"
    filterset_class = LateReportFilterSet
    paginate_by = None
    columns = [
        Column("unit_name", label=_("Đơn vị")),
        Column("received", label=_("Hồ sơ tiếp nhận")),
        Column("late", label=_("Hồ sơ quá hạn")),
        Column("letters", label=_("Phiếu xin lỗi đã lập")),
        Column("late_without_letter", label=_("Quá hạn chưa có phiếu xin lỗi (cần lập phiếu)")),
        Column("average_delay", label=_("Số ngày trễ trung bình (ngày làm việc)")),
    ]
    list_export = [
        "unit_name",
        "received",
        "late",
        "letters",
        "late_without_letter",
        "average_delay",
    ]
    export_headings = {
        "unit_name": _("Đơn vị"),
        "received": _("Hồ sơ tiếp nhận"),
        "late": _("Hồ sơ quá hạn"),
        "letters": _("Phiếu xin lỗi đã lập"),
        "late_without_letter": _("Quá hạn chưa có phiếu xin lỗi (cần lập phiếu)"),
        "average_delay": _("Số ngày trễ trung bình (ngày làm việc)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "bao-cao-ho-so-qua-han"

    def filter_queryset(self, queryset):
        return queryset

    def get_queryset(self):
        data = {}
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        period = data.get("received")
        date_from = period.start if period else None
        date_to = period.stop if period else None
        allowed = visible_unit_ids(self.request.user)
        unit = data.get("unit")
        if unit is not None:
            unit_ids = [unit.pk] if allowed is None or unit.pk in allowed else []
        else:
            unit_ids = None if allowed is None else sorted(allowed)
        if unit_ids == []:
            return []
        rows = late_report(date_from=date_from, date_to=date_to, unit_ids=unit_ids)
        if rows:
            rows = [*rows, totals(rows)]
        return rows
