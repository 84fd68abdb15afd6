"""Wagtail admin for thủ tục hành chính: bộ thủ tục, thủ tục, phiên bản thủ tục.

Registered as one "Thủ tục hành chính" menu group by wagtail_hooks.py.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from regulations.documents.models import LegalField
from regulations.organisation.models import Unit

from ..admin_forms import LegalBasisPanel, NewVersionForm, ProcedureVersionForm
from ..models import Procedure, ProcedureSet, ProcedureVersion
from ..services.versions import new_version_from
from .basis import BasisChangePanel


class VersionsPanel(Panel):
    """Read-only list of a procedure's versions with links to edit them."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            procedure = self.instance
            add_url = reverse("wagtailsnippets_procedures_procedureversion:add")
            if not procedure.pk:
                return format_html(
                    "<p>{}</p>", _("Lưu thủ tục trước, sau đó thêm phiên bản nội dung.")
                )
            rows = format_html_join(
                "",
                '<li><a href="{}">{} {}</a>{}</li>',
                (
                    (
                        reverse("wagtailsnippets_procedures_procedureversion:edit", args=[v.pk]),
                        _("Áp dụng từ ngày"),
                        f"{v.effective_from:%d/%m/%Y}",
                        f" – {v.decision.number_symbol}" if v.decision_id else "",
                    )
                    for v in procedure.versions.select_related("decision").order_by(
                        "effective_from"
                    )
                ),
            )
            return format_html(
                '<ul class="procedure-versions">{}</ul><p><a class="button button-small" '
                'href="{}?procedure={}">{}</a></p>',
                rows or format_html("<li>{}</li>", _("Chưa có phiên bản nào.")),
                add_url,
                procedure.pk,
                _("Thêm phiên bản"),
            )


class ProcedureSetViewSet(SnippetViewSet):
    model = ProcedureSet
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Bộ thủ tục")
    list_display = ["name", "decision", "owner_unit"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [FieldPanel("name"), FieldPanel("decision"), FieldPanel("owner_unit")]


class ProcedureViewSet(SnippetViewSet):
    model = Procedure
    icon = "form"
    menu_label = gettext_lazy("Thủ tục")
    list_display = ["code", "name", "legal_field", "handling_unit", "level"]
    list_filter = ["level", "legal_field", "handling_unit", "procedure_set"]
    list_per_page = 50
    ordering = ["code"]
    copy_view_enabled = False
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    BasisChangePanel(heading=gettext_lazy("Căn cứ pháp lý đã thay đổi")),
                    FieldPanel("code"),
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("procedure_set"),
                    FieldRowPanel([FieldPanel("level"), FieldPanel("procedure_type")]),
                    FieldRowPanel([FieldPanel("legal_field"), FieldPanel("handling_unit")]),
                ],
                heading=gettext_lazy("Thông tin chung"),
            ),
            ObjectList(
                [VersionsPanel(heading=gettext_lazy("Phiên bản nội dung"))],
                heading=gettext_lazy("Phiên bản"),
            ),
        ]
    )


class ProcedureVersionCreateView(CreateView):
    """Adding a version from a procedure's page pre-selects that procedure."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        procedure_id = self.request.GET.get("procedure", "")
        if procedure_id.isdigit() and Procedure.objects.filter(pk=procedure_id).exists():
            instance.procedure_id = int(procedure_id)
        return instance


class ProcedureVersionEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            HeaderButton(
                _("Tạo phiên bản đơn giản hóa"),
                url=reverse(
                    "wagtailsnippets_procedures_procedureversion:new_version",
                    args=[self.object.pk],
                ),
                icon_name="plus",
                priority=5,
            )
        )
        return buttons


class ProcedureVersionFilterSet(WagtailFilterSet):
    """Versions filtered by their procedure's field and handling unit."""

    legal_field = django_filters.ModelChoiceFilter(
        field_name="procedure__legal_field",
        queryset=LegalField.objects.all(),
        label=gettext_lazy("Lĩnh vực"),
    )
    handling_unit = django_filters.ModelChoiceFilter(
        field_name="procedure__handling_unit",
        queryset=Unit.objects.all(),
        label=gettext_lazy("Đơn vị giải quyết"),
    )

    class Meta:
        model = ProcedureVersion
        fields = []


def _decision_column(version):
    return version.decision.number_symbol if version.decision_id else ""


class ProcedureVersionViewSet(SnippetViewSet):
    model = ProcedureVersion
    icon = "history"
    menu_label = gettext_lazy("Phiên bản thủ tục")
    list_display = [
        "procedure",
        "effective_from",
        Column("decision", label=gettext_lazy("Quyết định"), accessor=_decision_column),
    ]
    filterset_class = ProcedureVersionFilterSet
    search_fields = ["procedure__code", "procedure__name"]
    search_backend_name = None
    ordering = ["procedure__code", "effective_from"]
    copy_view_enabled = False
    add_view_class = ProcedureVersionCreateView
    edit_view_class = ProcedureVersionEditView
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("procedure"),
                    FieldRowPanel([FieldPanel("effective_from"), FieldPanel("decision")]),
                    FieldPanel("change_summary"),
                    MultiFieldPanel(
                        [
                            FieldPanel("applicants"),
                            FieldPanel("implementing_agency"),
                            FieldPanel("competent_agency"),
                            FieldPanel("coordinating_agency"),
                            FieldPanel("submission_place"),
                            FieldPanel("result"),
                            FieldPanel("requirements"),
                        ],
                        heading=gettext_lazy("Đối tượng, cơ quan, kết quả"),
                    ),
                ],
                heading=gettext_lazy("Thông tin chung"),
            ),
            ObjectList(
                [
                    InlinePanel("steps", heading=gettext_lazy("Trình tự thực hiện")),
                    InlinePanel("methods", heading=gettext_lazy("Cách thức thực hiện"), min_num=1),
                ],
                heading=gettext_lazy("Trình tự, cách thức"),
            ),
            ObjectList(
                [InlinePanel("components", heading=gettext_lazy("Thành phần hồ sơ"))],
                heading=gettext_lazy("Hồ sơ"),
            ),
            ObjectList(
                [LegalBasisPanel("legal_basis", heading=gettext_lazy("Căn cứ pháp lý"))],
                heading=gettext_lazy("Căn cứ pháp lý"),
            ),
        ],
        base_form_class=ProcedureVersionForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("new-version/<int:pk>/", self.new_version_view, name="new_version")
        ]

    def new_version_view(self, request, pk):
        """Phiên bản đơn giản hóa: copy a version to a new date and decision, then edit."""
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        source = get_object_or_404(ProcedureVersion.objects.select_related("procedure"), pk=pk)
        form = NewVersionForm(request.POST or None, source=source)
        if request.method == "POST" and form.is_valid():
            try:
                version = new_version_from(
                    source,
                    form.cleaned_data["effective_from"],
                    form.cleaned_data["decision"],
                    form.cleaned_data["change_summary"],
                    user=request.user,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("Đã tạo phiên bản áp dụng từ ngày %(date)s; sửa nội dung được đơn giản hóa.")
                    % {"date": f"{version.effective_from:%d/%m/%Y}"},
                )
                return redirect(self.get_url_name("edit"), version.pk)
        return TemplateResponse(
            request,
            "procedures/admin/new_version.html",
            {"form": form, "source": source, "view": self},
        )


class ProcedureAdminGroup(SnippetViewSetGroup):
    items = (ProcedureSetViewSet, ProcedureViewSet, ProcedureVersionViewSet)
    menu_icon = "clipboard-list"
    menu_label = gettext_lazy("Thủ tục hành chính")
    menu_name = "thu-tuc-hanh-chinh"
    menu_order = 310
