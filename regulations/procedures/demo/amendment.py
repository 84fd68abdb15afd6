"""Demo: a consolidation that changes a procedure's legal basis.

Nghị định 27/2018/NĐ-CP amended Điều 23 of Nghị định 72/2013/NĐ-CP, the basis of
"Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp". The demo stores the amending
decree's instruction (its text is a sample, like the other excerpts) and goes the
officer's way: "Hợp nhất vào văn bản được sửa đổi" makes the draft, "Xác nhận" publishes
it (relations, validity, `version_confirmed`). The procedures citing the decree are
then flagged, and a review is proposed to their units.

The decree's number, dates and sample text are in amendment.json.

Idempotent: the version is consolidated and confirmed once.
"""

from django.core.exceptions import ValidationError

from regulations.demofiles import day, read_json
from regulations.documents.consolidation import drafts
from regulations.documents.models import LegalVersion
from regulations.documents.services.provisions import ProvisionData, replace_provisions


def load(documents, make_document):
    """Consolidate the demo amendment of its base decree (in `documents`) and confirm it."""
    data = read_json(__package__, "amendment.json")
    base = documents.get(data["base"])
    if base is None:
        return ""
    effective = day(data["effective"])
    amending = make_document(
        data["amending"],
        data["title"],
        day(data["issued"]),
        effective,
        data["issuer"],
        data["field"],
    )
    if not amending.versions.exists():
        text = LegalVersion.objects.create(document=amending, effective_from=effective)
        replace_provisions(text, [ProvisionData(**row) for row in data["text"]])
    version = LegalVersion.objects.filter(
        document=base, effective_from=effective, is_draft=False
    ).first()
    if version is None:
        draft = drafts.start(amending, base)
        failed = [o for o in draft.outcomes if o["status"] != "applied"]
        if failed or not draft.outcomes:
            reasons = "; ".join(o["reason"] or o["status"] for o in failed) or "không có chỉ dẫn"
            raise ValidationError(f"Dữ liệu mẫu: không hợp nhất được {data['amending']}: {reasons}")
        version = drafts.confirm(draft)
    flagged = version.procedure_basis_changes.count()
    return (
        f"{data['amending']} hợp nhất vào {data['base']}: "
        f"{flagged} thủ tục có căn cứ pháp lý thay đổi"
    )
