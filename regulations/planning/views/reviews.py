"""After an approved "sửa đổi, bổ sung" review: start the new version of the document."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import ReviewRecord
from ..permissions import can_edit_review
from ..services.reviews import amend_url, start_new_version
from .common import require


def start_version(request, pk):
    record = get_object_or_404(ReviewRecord.objects.select_related("document"), pk=pk)
    require(can_edit_review(request.user, record))
    if request.method == "POST":
        try:
            draft = start_new_version(record, request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Đã khởi tạo dự thảo sửa đổi: %(title)s.") % {"title": draft.title}
            )
            return redirect(reverse("wagtailsnippets_planning_reviewrecord:edit", args=[pk]))
    return render(
        request,
        "planning/admin/start_version.html",
        {
            "record": record,
            "amend_url": amend_url(record.document) if record.document_id else None,
            "can_start": record.can_start_new_version,
        },
    )
