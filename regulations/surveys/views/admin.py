"""Admin views: the satisfaction report for leadership (with XLSX) and the QR print page."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.admin_header import NamedHeaderMixin
from cms.pages.models import AgencySettings
from regulations.organisation.models import Unit
from regulations.procedures.models import Procedure

from ..models import SurveyMethod, SurveyResponse
from ..scope import report_unit_scope
from ..services import chart, export, qr
from ..services.index import SMALL_SAMPLE_FORMS, quarter_label, report_and_trend
from .public import survey_url


class ReportFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị"), queryset=Unit.objects.all(), required=False
    )
    procedure = forms.ModelChoiceField(
        label=gettext_lazy("Thủ tục"), queryset=Procedure.objects.all(), required=False
    )
    quarter = forms.ChoiceField(label=gettext_lazy("Quý"), required=False)

    def __init__(self, *args, scope_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        quarters = (
            SurveyResponse.objects.order_by("-quarter").values_list("quarter", flat=True).distinct()
        )
        self.fields["quarter"].choices = [("", _("Tất cả các quý"))] + [
            (q, quarter_label(q)) for q in quarters
        ]
        if scope_unit is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=scope_unit.pk)
            self.fields["procedure"].queryset = Procedure.objects.filter(handling_unit=scope_unit)


def _filters(request):
    scope_unit = report_unit_scope(request.user)
    form = ReportFilterForm(request.GET or None, scope_unit=scope_unit)
    data = form.cleaned_data if form.is_valid() else {}
    unit = scope_unit or data.get("unit")
    procedure = data.get("procedure")
    quarter = data.get("quarter") or None
    labels = [
        _("Đơn vị: %(unit)s") % {"unit": unit} if unit else _("Tất cả đơn vị"),
        _("Thủ tục: %(p)s") % {"p": procedure} if procedure else _("Tất cả thủ tục"),
        quarter_label(quarter) if quarter else _("Tất cả các quý"),
    ]
    filters = {
        "unit_id": unit.pk if unit else None,
        "procedure_id": procedure.pk if procedure else None,
    }
    return form, filters, quarter, labels


class SatisfactionReportView(NamedHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """Kết quả khảo sát sự hài lòng: index per criterion, factor and overall, by quarter."""

    template_name = "surveys/admin/report.html"
    page_title = gettext_lazy("Kết quả khảo sát sự hài lòng")
    header_icon = "clipboard-list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, filters, quarter, labels = _filters(self.request)
        method = SurveyMethod.objects.current()
        report, trend = report_and_trend(**filters, quarter=quarter)
        context.update(
            form=form,
            method=method,
            report=report,
            trend=trend,
            filter_labels=labels,
            chart=mark_safe(  # noqa: S308 - built from escaped text in chart.trend_svg
                chart.trend_svg(
                    trend,
                    _("Chỉ số hài lòng chung theo quý"),
                )
            ),
            display=report_display(report, trend),
            small_sample_forms=SMALL_SAMPLE_FORMS,
            xlsx_url=reverse("surveys_admin:report_xlsx") + "?" + self.request.GET.urlencode(),
        )
        return context


def report_display(report, trend):
    """Formatted figures for the template ("82,7%")."""
    pct = chart.percent
    return {
        "overall": pct(report.overall),
        "factors": [
            {"label": f.label, "index": pct(f.index), "answers": f.answers} for f in report.factors
        ],
        "criteria": [
            {
                "label": c.label,
                "index": pct(c.index),
                "answers": c.answers,
                "satisfied": c.satisfied,
            }
            for c in report.criteria
        ],
        "trend": [
            {
                "label": quarter_label(point.quarter),
                "overall": pct(point.overall),
                "answers": point.answers,
                "forms": point.forms,
                "small": point.small_sample,
                "factors": [
                    pct(next((f.index for f in point.factors if f.id == factor.id), None))
                    for factor in report.factors
                ],
            }
            for point in trend
        ],
    }


def report_xlsx(request):
    form, filters, quarter, labels = _filters(request)
    report, trend = report_and_trend(**filters, quarter=quarter)
    data = export.report_xlsx(report, trend, labels)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="chi-so-hai-long.xlsx"'
    return response


def qr_print(request):
    """Trang in mã QR: one card for the general survey, one per live procedure."""
    agency = AgencySettings.for_request(request)
    cards = [
        {
            "title": _("Khảo sát sự hài lòng"),
            "subtitle": "",
            "url": survey_url(request),
        }
    ]
    for procedure in Procedure.objects.filter(live=True).order_by("name"):
        cards.append(
            {
                "title": _("Khảo sát sự hài lòng"),
                "subtitle": procedure.name,
                "url": survey_url(request, procedure.code),
            }
        )
    for card in cards:
        card["svg"] = mark_safe(  # noqa: S308 - qrcode output, label escaped in inline_svg
            qr.inline_svg(card["url"], _("Mã QR dẫn đến %(url)s") % {"url": card["url"]})
        )
    return render(request, "surveys/admin/qr_print.html", {"cards": cards, "agency": agency})
