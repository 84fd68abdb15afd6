"""Trang công khai: thư viện văn bản, trang văn bản, quy định, so sánh phiên bản."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cms.private_files import public_file
from vietnamese.dates import parse_day, short_date

from ..models import LegalVersion, Provision
from ..services import diff as diffs
from ..services import library as lib
from ..services.versions import (
    current_version,
    later_changes,
    version_on,
    version_ranges,
    versions_of,
)
from ..structure import ProvisionLevel, anchor, citation
from ..toc import table_of_contents
from ..visibility import public_filter

PER_PAGE = 20
TOC_LEVELS = {
    ProvisionLevel.PART,
    ProvisionLevel.CHAPTER,
    ProvisionLevel.SECTION,
    ProvisionLevel.SUBSECTION,
    ProvisionLevel.HEADING,
    ProvisionLevel.ARTICLE,
    ProvisionLevel.PREAMBLE,
    ProvisionLevel.ANNEX,
}


def library(request):
    documents, facets, chosen, sort = lib.library(request.GET)
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "documents/library.html",
        {
            "page_obj": page,
            "documents": page.object_list,
            "facets": facets,
            "chosen": chosen,
            "sort": sort,
            "sorts": [(key, label) for key, (_o, label) in lib.SORTS.items()],
            "q": request.GET.get("q", ""),
            "query": query.urlencode(),
            "total": page.paginator.count,
        },
    )


def _public_document(slug):
    return get_object_or_404(
        lib.public_documents().select_related(
            "document_type", "issuing_body", "legal_field", "sector", "original_file"
        ),
        slug=slug,
    )


def docx_url(version):
    """The generated .docx of a version, when the docx export is installed."""
    if version is None:
        return ""
    try:
        return reverse("wordio:export_version", args=[version.pk])
    except NoReverseMatch:
        return ""


def _choose_version(request, document):
    """The version to show: ?phien_ban=<id>, else ?ngay= (dd/mm/yyyy or yyyy-mm-dd), else
    the one in force."""
    notes = []
    on = None
    raw_date = (request.GET.get("ngay") or "").strip()
    raw_version = (request.GET.get("phien_ban") or "").strip()
    version = None
    if raw_version:
        if raw_version.isdigit():
            version = LegalVersion.objects.filter(
                pk=raw_version, document=document, is_draft=False
            ).first()
        if version is None:
            notes.append(_("Không có phiên bản đã chọn; đang hiển thị phiên bản hiện hành."))
    elif raw_date:
        on = parse_day(raw_date)
        if on is None:
            notes.append(
                _("Ngày “%(value)s” không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2017.")
                % {"value": raw_date}
            )
        else:
            version = version_on(document, on)
            if version is None:
                notes.append(
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _not_yet_note(document, on),
                        document.get_absolute_url(),
                        _("Xem văn bản hiện hành"),
                    )
                )
                # Before the first version the nearest text is the original one, not
                # the latest amendment; the note says it was not in force then.
                version = versions_of(document).first()
    if version is None:
        version = current_version(document)
    return version, on, notes


def _not_yet_note(document, on):
    day = short_date(on)
    if document.issued_date and on < document.issued_date:
        return _(
            "Vào ngày %(date)s văn bản chưa được ban hành (ban hành ngày %(issued)s); "
            "đang hiển thị nội dung ban đầu."
        ) % {"date": day, "issued": short_date(document.issued_date)}
    first = versions_of(document).first()
    since = first.effective_from if first else document.effective_date
    if since:
        return _(
            "Vào ngày %(date)s văn bản chưa có hiệu lực (có hiệu lực từ ngày %(since)s); "
            "đang hiển thị nội dung ban đầu."
        ) % {"date": day, "since": short_date(since)}
    return _("Văn bản chưa có nội dung có hiệu lực vào ngày %(date)s.") % {"date": day}


def _provision_rows(version, focus_path=""):
    if version is None:
        return [], []
    later = later_changes(version)
    rows = []
    for prov in version.provisions.select_related("changed_by").order_by("sort_order"):
        heading_level = min(6, 3 + prov.depth) if prov.level in TOC_LEVELS else None
        rows.append(
            {
                "p": prov,
                "anchor": anchor(prov.path),
                "heading": heading_level,
                "later": later.get(prov.path, []),
                "focus": bool(focus_path)
                and (prov.path == focus_path or prov.path.startswith(focus_path + "/")),
            }
        )
    toc = [r for r in rows if r["p"].level in TOC_LEVELS]
    return rows, toc


def _relations(document):
    """Relations from both sides, with the wording for this side and provision links."""

    def item(label, other, rel, outgoing):
        # The provision named belongs to the target of the relation.
        target_doc = other if outgoing else document
        url = citation_text = ""
        if rel.target_provision:
            url = reverse(
                "documents:provision",
                kwargs={"slug": target_doc.slug, "provision_path": rel.target_provision},
            )
            citation_text = citation(rel.target_provision)
        return {
            "label": label,
            "other": other,
            "provision_url": url,
            "provision": citation_text,
            "source_provision": citation(rel.source_provision) if rel.source_provision else "",
            "note": rel.note,
        }

    out = [
        item(rel.forward_label, rel.target, rel, True)
        for rel in document.relations_out.filter(public_filter("target__")).select_related("target")
    ]
    incoming = [
        item(rel.backward_label, rel.source, rel, False)
        for rel in document.relations_in.filter(public_filter("source__")).select_related("source")
    ]
    return out, incoming


def _document_context(request, document, version, on, notes, focus=None):
    rows, toc = _provision_rows(version, focus.path if focus else "")
    out, incoming = _relations(document)
    ranges = version_ranges(document)
    return {
        "document": document,
        "version": version,
        "ranges": ranges,
        "on": on,
        "notes": notes,
        "rows": rows,
        "toc": table_of_contents(toc),
        "relations_out": out,
        "relations_in": incoming,
        "docx_url": docx_url(version),
        "original_file": public_file(document.original_file),
        "focus": focus,
        "focus_rows": [r for r in rows if r["focus"]],
        "can_compare": len(ranges) > 1,
    }


def detail(request, slug):
    document = _public_document(slug)
    version, on, notes = _choose_version(request, document)
    context = _document_context(request, document, version, on, notes)
    return render(request, "documents/detail.html", context)


def not_found(request, message, document=None):
    return render(
        request,
        "documents/not_found.html",
        {"message": message, "document": document},
        status=404,
    )


def provision(request, slug, provision_path):
    document = _public_document(slug)
    path = provision_path.strip("/").lower()
    version, on, notes = _choose_version(request, document)
    focus = version.provisions.filter(path=path).first() if version else None
    if focus is None:
        # The unit may have been repealed or added later: show the latest version that has it.
        focus = (
            Provision.objects.filter(version__document=document, path=path)
            .select_related("version")
            .order_by("-version__effective_from")
            .first()
        )
        if focus is None:
            return not_found(
                request,
                _("Văn bản %(doc)s không có %(citation)s (đường dẫn “%(path)s”).")
                % {"doc": document.citation_name, "citation": citation(path), "path": path},
                document,
            )
        notes.append(
            _("%(citation)s không có trong phiên bản đang xem; hiển thị phiên bản từ %(date)s.")
            % {
                "citation": citation(path).capitalize(),
                "date": focus.version.effective_from.strftime("%d/%m/%Y"),
            }
        )
        version = focus.version
    context = _document_context(request, document, version, on, notes, focus)
    context["focus_citation"] = f"{citation(path)} {document.citation_name}"
    return render(request, "documents/detail.html", context)


def compare(request, slug):
    document = _public_document(slug)
    versions = list(
        LegalVersion.objects.filter(document=document, is_draft=False).order_by("effective_from")
    )
    by_id = {str(v.pk): v for v in versions}
    notes = []
    old = by_id.get(request.GET.get("from", ""))
    new = by_id.get(request.GET.get("to", ""))
    if (request.GET.get("from") and old is None) or (request.GET.get("to") and new is None):
        notes.append(_("Phiên bản đã chọn không thuộc văn bản này; dùng hai phiên bản gần nhất."))
    if len(versions) >= 2:
        new = new or versions[-1]
        if old is None:
            earlier = [v for v in versions if v.effective_from < new.effective_from]
            old = earlier[-1] if earlier else versions[0]
    entries = diffs.compare(old, new) if old and new and old != new else []
    if old is not None and old == new:
        notes.append(_("Hai phiên bản giống nhau: hãy chọn hai phiên bản khác nhau."))
    changed = [e for e in entries if e.status != diffs.SAME]
    return render(
        request,
        "documents/compare.html",
        {
            "document": document,
            "versions": versions,
            "old": old,
            "new": new,
            "entries": entries,
            "changed": changed,
            "count_items": [
                (diffs.LABELS[status], n)
                for status, n in diffs.summary(entries).items()
                if status != diffs.SAME
            ],
            "notes": notes,
            "show_all": request.GET.get("tat_ca") == "1",
        },
    )
