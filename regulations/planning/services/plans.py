"""Re-issuing or amending a plan (ban hành lại, sửa đổi kế hoạch): a new PlanVersion
names the amending document; tasks stay and keep their whole revision history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import PlanVersion


@transaction.atomic
def reissue_plan(plan, amending_document, effective_from, user=None, note=""):
    errors = {}
    if amending_document is None:
        errors["amending_document"] = _("Cần chọn văn bản sửa đổi, bổ sung kế hoạch.")
    elif amending_document.pk == plan.document_id:
        errors["amending_document"] = _("Kế hoạch không thể tự sửa đổi chính nó.")
    if effective_from is None:
        errors["effective_from"] = _("Cần nhập ngày áp dụng.")
    elif plan.issued_date and effective_from < plan.issued_date:
        errors["effective_from"] = _("Ngày áp dụng không thể trước ngày ban hành kế hoạch.")
    latest = plan.versions.order_by("-effective_from").first()
    if latest and effective_from and effective_from <= latest.effective_from:
        errors["effective_from"] = _("Ngày áp dụng phải sau phiên bản gần nhất (%(date)s).") % {
            "date": latest.effective_from.strftime("%d/%m/%Y")
        }
    if errors:
        raise ValidationError(errors)
    version = PlanVersion.objects.create(
        plan=plan,
        amending_document=amending_document,
        effective_from=effective_from,
        note=note or _("Sửa đổi, bổ sung theo %(doc)s") % {"doc": amending_document},
        sort_order=plan.versions.count(),
    )
    plan.save_revision(user=user, log_action=True)
    for task in plan.tasks.all():
        # The task is unchanged; the log says under which plan version it continues.
        log(
            instance=task,
            action="wagtail.edit",
            user=user,
            title=str(task),
            data={"plan_version": str(version)},
        )
    return version
