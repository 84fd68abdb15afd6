"""Admin views of review records: creation that a double submit cannot duplicate, and
the words of an internal record (approved, "phê duyệt", never published).

Creation token: the create form carries a hidden UUID, stored on the record (unique).
A second POST with the same token (the autosave racing "Lưu nháp", a double click)
finds the record the first one made and goes to it instead of creating a copy.
"""

import copy
import uuid

from django import forms
from django.contrib import messages
from django.db import IntegrityError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.action_menu import PublishMenuItem, UnpublishMenuItem
from wagtail.snippets.views.snippets import CreateView

from .models import ReviewRecord
from .views.snippets import ObjectPermissionEditView


class ReviewRecordForm(WagtailAdminModelForm):
    creation_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["creation_token"]
        elif not self.is_bound:
            self.initial["creation_token"] = uuid.uuid4()

    def _post_clean(self):
        super()._post_clean()
        if not self.instance.pk and "creation_token" in self.fields:
            self.instance.creation_token = self.cleaned_data.get("creation_token")


def _token(request):
    try:
        return uuid.UUID(request.POST.get("creation_token", ""))
    except ValueError:
        return None


class ReviewRecordCreateView(CreateView):
    def post(self, request, *args, **kwargs):
        token = _token(request)
        if existing := self._created_with(token):
            return self._already_created(existing)
        try:
            return super().post(request, *args, **kwargs)
        except IntegrityError:
            # Both POSTs passed the check above at once; the unique token let one in.
            if existing := self._created_with(token):
                return self._already_created(existing)
            raise

    def _created_with(self, token):
        if token is None:
            return None
        return ReviewRecord.objects.filter(creation_token=token).first()

    def _already_created(self, record):
        self.object = record
        url = self.get_edit_url()
        if self.expects_json_response:
            return JsonResponse({"success": True, "pk": record.pk, "url": url})
        messages.info(
            self.request,
            _("Phiếu rà soát “%(title)s” đã được tạo từ lần gửi trước; không tạo thêm bản sao.")
            % {"title": record},
        )
        return redirect(url)

    def get_success_message(self, instance=None):
        return _approval_message(self, instance) or super().get_success_message(instance)


class ReviewRecordEditView(ObjectPermissionEditView):
    def get_success_message(self, instance=None):
        return _approval_message(self, instance) or super().get_success_message(instance)


def _approval_message(view, instance):
    if view.action != "publish":
        return None
    return _("Đã phê duyệt phiếu rà soát “%(title)s”.") % {"title": instance or view.object}


class ApproveMenuItem(PublishMenuItem):
    """ "Phê duyệt" in place of "Xuất bản": the record is approved, not published."""

    label = _("Phê duyệt")
    template_name = "planning/admin/action_menu/approve.html"


def review_action_menu(menu_items, request, context):
    """construct_snippet_action_menu: the approval words for review records."""
    if context.get("model") is not ReviewRecord:
        return
    for i, item in enumerate(menu_items):
        if isinstance(item, PublishMenuItem):
            menu_items[i] = ApproveMenuItem(order=item.order)
        elif isinstance(item, UnpublishMenuItem):
            menu_items[i] = copy.copy(item)
            menu_items[i].label = _("Hủy phê duyệt")
        elif getattr(item, "name", "") == "approve":
            # "Phê duyệt và Xuất bản" (the last step) reads "Phê duyệt".
            suffix = _("%(label)s and Publish") % {"label": ""}
            menu_items[i] = copy.copy(item)
            menu_items[i].label = str(item.label).removesuffix(suffix)
