"""Demo: a consolidation that changes a procedure's legal basis.

Nghị định 27/2018/NĐ-CP amended Điều 23 of Nghị định 72/2013/NĐ-CP, the basis of
"Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp". The demo stores the amending
decree's instruction (its text is a sample, like the other excerpts) and goes the
officer's way: "Hợp nhất vào văn bản được sửa đổi" makes the draft, "Xác nhận" publishes
it (relations, validity, `version_confirmed`). The procedures citing the decree are
then flagged, and a review is proposed to their units.

Idempotent: the version is consolidated and confirmed once.
"""

from datetime import date

from django.core.exceptions import ValidationError

from regulations.documents.consolidation import drafts
from regulations.documents.models import LegalVersion
from regulations.documents.services.provisions import ProvisionData, replace_provisions

BASE = "72/2013/NĐ-CP"
AMENDING = "27/2018/NĐ-CP"
ISSUED = date(2018, 3, 1)
EFFECTIVE = date(2018, 4, 15)
TITLE = (
    "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 "
    "năm 2013 của Chính phủ quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng"
)
NEW_ARTICLE_23 = (
    "Điều 23. Quản lý việc thiết lập trang thông tin điện tử tổng hợp, mạng xã hội\n"
    "Nội dung điều này được sửa đổi, bổ sung theo Nghị định số 27/2018/NĐ-CP; dữ liệu mẫu "
    "không nhập toàn văn, xem văn bản gốc."
)
TEXT = [
    ProvisionData(level="dieu", number="1", title=TITLE.replace("Nghị định sửa đổi", "Sửa đổi")),
    ProvisionData(level="khoan", number="1",
                  text=f"Sửa đổi, bổ sung Điều 23 như sau:\n“{NEW_ARTICLE_23}”"),
    ProvisionData(level="dieu", number="2", title="Hiệu lực thi hành",
                  text="Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2018."),
]  # fmt: skip


def load(documents, make_document):
    """Consolidate the demo amendment of BASE (in `documents`) and confirm it."""
    base = documents.get(BASE)
    if base is None:
        return ""
    amending = make_document(AMENDING, TITLE, ISSUED, EFFECTIVE)
    if not amending.versions.exists():
        text = LegalVersion.objects.create(document=amending, effective_from=EFFECTIVE)
        replace_provisions(text, TEXT)
    version = LegalVersion.objects.filter(
        document=base, effective_from=EFFECTIVE, is_draft=False
    ).first()
    if version is None:
        draft = drafts.start(amending, base)
        failed = [o for o in draft.outcomes if o["status"] != "applied"]
        if failed or not draft.outcomes:
            reasons = "; ".join(o["reason"] or o["status"] for o in failed) or "không có chỉ dẫn"
            raise ValidationError(f"Dữ liệu mẫu: không hợp nhất được {AMENDING}: {reasons}")
        version = drafts.confirm(draft)
    flagged = version.procedure_basis_changes.count()
    return f"{AMENDING} hợp nhất vào {BASE}: {flagged} thủ tục có căn cứ pháp lý thay đổi"
