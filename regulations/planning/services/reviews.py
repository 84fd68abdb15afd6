"""After review: an approved "sửa đổi, bổ sung" outcome starts the new version.

If the documents app offers an amend view, the record links to it; otherwise
`start_new_version` creates a draft (unpublished) amending document whose text is a
copy of the reviewed text, for the drafting unit to edit. Nothing public changes
until that draft is issued through the documents app.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from regulations.documents.models import LegalDocument, LegalVersion, Provision

from ..permissions import can_edit_review

AMEND_URL_NAMES = ["documents_admin:amend", "documents:amend", "documents_amend"]


def amend_url(document):
    """The documents app's amend view for a document ("Tạo phiên bản mới từ văn bản
    sửa đổi", /admin/van-ban-sua-doi/?document=<pk>), if it exists."""
    try:
        return f"{reverse('van-ban-sua-doi:amend')}?document={document.pk}"
    except NoReverseMatch:
        pass
    for name in AMEND_URL_NAMES:
        for kwargs in ({"pk": document.pk}, {"slug": document.slug}):
            try:
                return reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
    return None


@transaction.atomic
def start_new_version(record, user):
    """Create the draft amending document with a copy of the reviewed text."""
    if not can_edit_review(user, record):
        raise PermissionDenied(_("Bạn không có quyền khởi tạo phiên bản mới từ phiếu này."))
    if not record.can_start_new_version:
        raise ValidationError(
            _(
                "Chỉ khởi tạo phiên bản mới khi phiếu rà soát một văn bản đã được duyệt "
                "với phương án “Sửa đổi, bổ sung” và chưa khởi tạo trước đó."
            )
        )
    source = record.document
    draft = LegalDocument(
        kind=source.kind,
        document_type=source.document_type,
        title=_("Dự thảo sửa đổi, bổ sung %(doc)s") % {"doc": source.citation_name},
        summary=_("Khởi tạo từ phiếu rà soát “%(title)s”. Lý do: %(reason)s")
        % {"title": record.title, "reason": record.reason},
        issuing_body=source.issuing_body,
        sector=source.sector,
        legal_field=source.legal_field,
        live=False,
        has_unpublished_changes=True,
    )
    draft.save()
    base = source.versions.order_by("-effective_from").first()
    version = LegalVersion(
        document=draft,
        effective_from=timezone.localdate(),
        note=_("Dự thảo: bản sao nội dung đang có hiệu lực của %(doc)s")
        % {"doc": source.citation_name},
    )
    version.save()
    if base is not None:
        rows = base.provisions.order_by("sort_order")
        if record.provision_path:
            rows = [
                p
                for p in rows
                if p.path == record.provision_path or p.path.startswith(record.provision_path + "/")
            ]
        Provision.objects.bulk_create(
            [
                Provision(
                    version=version,
                    level=p.level,
                    number=p.number,
                    title=p.title,
                    text=p.text,
                    path=p.path,
                    depth=p.depth,
                    sort_order=i,
                )
                for i, p in enumerate(rows)
            ]
        )
    draft.save_revision(user=user, log_action=True)
    record.draft_document = draft
    record.save(update_fields=["draft_document"])
    return draft
