"""Phản ánh, kiến nghị in the admin: unit heads answer their unit's messages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from cms.admin_scope import ScopedSnippetViewSet

from .models import Feedback, FeedbackStatus
from .scope import scoped


class FeedbackAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == FeedbackStatus.ANSWERED
            and not (cleaned.get("answer") or "").strip()
        ):
            self.add_error("answer", _("Nhập nội dung trả lời trước khi chuyển sang “Đã trả lời”."))
        return cleaned

    def save(self, commit=True):
        feedback = super().save(commit=False)
        if feedback.answer.strip() and feedback.status != FeedbackStatus.ANSWERED:
            feedback.status = FeedbackStatus.ANSWERED
        if feedback.status == FeedbackStatus.ANSWERED and feedback.answered_at is None:
            feedback.answered_at = timezone.now()
            feedback.answered_by = getattr(self, "for_user", None)
        if commit:
            feedback.save()
        return feedback


class FeedbackViewSet(ScopedSnippetViewSet):
    """Listing, edit, inspect and chooser: the unit's messages only (scope.scoped)."""

    model = Feedback
    icon = "mail"
    menu_label = _("Phản ánh, kiến nghị")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "reference",
        "subject",
        "unit",
        "deadline",
        Column("display_status_label", label=_("trạng thái")),
    ]
    list_filter = ["status", "unit"]
    ordering = ["-submitted_at"]

    def scope_queryset(self, queryset, user):
        return scoped(queryset, user)

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference", read_only=True),
                    FieldPanel("submitted_at", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("contact", read_only=True),
                    FieldPanel("subject"),
                    FieldPanel("message", read_only=True),
                    FieldPanel("procedure"),
                ],
                heading=_("Phản ánh"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("unit"),
                    FieldPanel("deadline"),
                    FieldPanel("status"),
                    FieldPanel("answer", widget=forms.Textarea(attrs={"rows": 8})),
                    FieldPanel("published"),
                ],
                heading=_("Xử lý, trả lời"),
            ),
        ],
        base_form_class=FeedbackAdminForm,
    )


register_snippet(FeedbackViewSet)
