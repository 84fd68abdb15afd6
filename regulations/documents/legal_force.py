"""Hiệu lực pháp lý: the rank of a document in the hierarchy of Law 80/2015/QH13.

Luật Ban hành văn bản quy phạm pháp luật 80/2015/QH13, Điều 4, lists the normative
documents from the highest legal force down; a document may only be amended by one
of the same or higher force (Điều 12). The rank follows the document type and its
issuer (a Quyết định of the President, the Prime Minister, a People's Committee or a
department are four ranks). Documents of a department (sở), unit or other body,
normative or not, rank last. `rank()` is None when neither the type nor the issuer
says enough to judge, and then nothing is refused.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# (rank, label); a smaller rank is a higher legal force.
CONSTITUTION = (1, "Hiến pháp")
NATIONAL_ASSEMBLY = (2, "Bộ luật, luật, nghị quyết của Quốc hội")
STANDING_COMMITTEE = (3, "Pháp lệnh, nghị quyết của Ủy ban thường vụ Quốc hội")
PRESIDENT = (4, "Lệnh, quyết định của Chủ tịch nước")
GOVERNMENT = (5, "Nghị định của Chính phủ")
PRIME_MINISTER = (6, "Quyết định của Thủ tướng Chính phủ")
JUDGES_COUNCIL = (7, "Nghị quyết của Hội đồng Thẩm phán Tòa án nhân dân tối cao")
MINISTRY = (8, "Thông tư của Bộ trưởng, Thủ trưởng cơ quan ngang bộ")
PEOPLES_COUNCIL = (9, "Nghị quyết của Hội đồng nhân dân")
PEOPLES_COMMITTEE = (10, "Quyết định của Ủy ban nhân dân")
COMMITTEE_ADMINISTRATIVE = (11, "Văn bản hành chính của Ủy ban nhân dân")
OTHER = (12, "Văn bản của sở, đơn vị, cơ quan khác")

# Ministries, ministerial-level bodies, the supreme court and procuracy, the state audit.
MINISTRIES = (
    "BCA|BCT|BGDĐT|BGTVT|BKHĐT|BKHCN|BLĐTBXH|BNG|BNNPTNT|BNNMT|BNV|BQP|BTC|BTNMT|BTP|"
    "BTTTT|BVHTTDL|BXD|BYT|BDTTG|NHNN|TTCP|UBDT|VPCP|TANDTC|VKSNDTC|KTNN"
)
# Issuer classes, from the issuer's code (IssuingBody.code or the symbol's last part).
_ISSUERS = [
    ("ubtvqh", re.compile(r"^UBTVQH\d*$", re.I)),
    ("qh", re.compile(r"^QH\d*$", re.I)),
    ("ctn", re.compile(r"^CTN$", re.I)),
    ("cp", re.compile(r"^CP$", re.I)),
    ("ttg", re.compile(r"^TTG$", re.I)),
    ("hdtp", re.compile(r"^HĐTP$", re.I)),
    ("ministry", re.compile(f"^({MINISTRIES})$", re.I)),
    ("hdnd", re.compile(r"^HĐND", re.I)),
    ("ubnd", re.compile(r"^UBND", re.I)),
]
# By type name (DocumentType.name, lower case): the rank whatever the issuer.
_BY_TYPE = {
    "hiến pháp": CONSTITUTION,
    "bộ luật": NATIONAL_ASSEMBLY,
    "luật": NATIONAL_ASSEMBLY,
    "pháp lệnh": STANDING_COMMITTEE,
    "lệnh": PRESIDENT,
    "nghị định": GOVERNMENT,
    "thông tư": MINISTRY,
    "thông tư liên tịch": MINISTRY,
}
# By (type name, issuer class).
_BY_TYPE_AND_ISSUER = {
    ("nghị quyết", "qh"): NATIONAL_ASSEMBLY,
    ("nghị quyết", "ubtvqh"): STANDING_COMMITTEE,
    ("nghị quyết liên tịch", "ubtvqh"): STANDING_COMMITTEE,
    ("quyết định", "ctn"): PRESIDENT,
    ("nghị quyết liên tịch", "cp"): GOVERNMENT,
    ("quyết định", "ttg"): PRIME_MINISTER,
    ("nghị quyết", "hdtp"): JUDGES_COUNCIL,
    ("quyết định", "ministry"): MINISTRY,  # quyết định của Tổng Kiểm toán nhà nước
    ("nghị quyết", "hdnd"): PEOPLES_COUNCIL,
    ("quyết định", "ubnd"): PEOPLES_COMMITTEE,
}
# An issuer's documents of a type not listed above (a chỉ thị, kế hoạch…).
_BY_ISSUER = {
    "qh": NATIONAL_ASSEMBLY,
    "ubtvqh": STANDING_COMMITTEE,
    "ctn": PRESIDENT,
    "cp": GOVERNMENT,
    "ttg": PRIME_MINISTER,
    "ministry": MINISTRY,
    "hdnd": PEOPLES_COUNCIL,
    "ubnd": COMMITTEE_ADMINISTRATIVE,
}


@dataclass(frozen=True)
class Force:
    rank: int
    label: str


def _issuer_class(document) -> str | None:
    codes = [document.issuer_code or "", getattr(document.issuing_body, "code", "") or ""]
    for code in codes:
        code = code.strip().split("-")[0]
        if not code:
            continue
        for name, pattern in _ISSUERS:
            if pattern.match(code):
                return name
        return "other"
    return None


def legal_force(document) -> Force | None:
    """The document's place in the hierarchy, or None when it cannot be told."""
    type_name = (getattr(document.document_type, "name", "") or "").strip().lower()
    if type_name in _BY_TYPE:
        return Force(*_BY_TYPE[type_name])
    issuer = _issuer_class(document)
    if issuer is None:
        return None
    found = _BY_TYPE_AND_ISSUER.get((type_name, issuer)) or _BY_ISSUER.get(issuer) or OTHER
    return Force(*found)


def check_can_amend(document, amending_document) -> None:
    """ValidationError (on amending_document) when the amending document has a lower
    legal force than the document it would amend."""
    target, source = legal_force(document), legal_force(amending_document)
    if target is None or source is None or source.rank <= target.rank:
        return
    raise ValidationError(
        {
            "amending_document": _(
                "%(source)s (%(source_rank)s) có hiệu lực pháp lý thấp hơn %(target)s "
                "(%(target_rank)s) nên không thể sửa đổi, bổ sung văn bản này "
                "(Điều 4 và Điều 12 Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13)."
            )
            % {
                "source": amending_document.number_symbol or amending_document.title,
                "source_rank": _(source.label),
                "target": document.number_symbol or document.title,
                "target_rank": _(target.label),
            }
        }
    )
