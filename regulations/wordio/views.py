"""Views: the public .docx export of a published version, the admin export and upload."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from regulations.documents.models import LegalVersion

from .blocks import document_response
from .export import version_document, version_filename
from .forms import UploadForm
from .importer import import_file
from .importer.report import ImportReport


def export_version(request, version_id: int):
    """Tải về bản Word của một phiên bản văn bản đã công bố."""
    version = get_object_or_404(
        LegalVersion.objects.select_related("document"), pk=version_id, is_draft=False
    )
    if not version.document.live:
        raise Http404(_("Văn bản chưa được công bố."))
    return document_response(version_document(version), version_filename(version))


@permission_required("documents.view_legalversion", raise_exception=True)
def admin_export_version(request, version_id: int):
    """Xuất Word trong trang quản trị (cả văn bản chưa công bố)."""
    version = get_object_or_404(LegalVersion.objects.select_related("document"), pk=version_id)
    return document_response(version_document(version), version_filename(version))


@permission_required("documents.add_legaldocument", raise_exception=True)
def upload(request):
    """Nhập văn bản Word: the same importer as `import_docx`, one file at a time."""
    reports = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            for uploaded in form.cleaned_data["files"]:
                data = b"".join(uploaded.chunks()) if uploaded.size <= form.max_size else b""
                if not data:
                    reports.append(
                        ImportReport(
                            path=uploaded.name,
                            status="error",
                            error=_("Tệp quá lớn hoặc rỗng."),
                        )
                    )
                    continue
                reports.append(
                    import_file(
                        data,
                        uploaded.name,
                        kind=form.cleaned_data["kind"] or None,
                        as_version_of=form.cleaned_data["as_version_of"],
                        effective_from=form.cleaned_data["effective_from"],
                        dry_run=form.cleaned_data["dry_run"],
                        user=request.user,
                    )
                )
            failed = sum(1 for r in reports if not r.ok)
            if failed:
                messages.error(request, _("%(n)s tệp không nhập được.") % {"n": failed})
            else:
                messages.success(request, _("Đã đọc %(n)s tệp.") % {"n": len(reports)})
    else:
        form = UploadForm()
    return render(request, "wordio/admin/upload.html", {"form": form, "reports": reports})
