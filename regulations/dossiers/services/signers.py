"""Who signs the department's letters, and how the signature block reads (Decree 30/2020).

A deputy director signs on behalf of the director: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC";
the director signs "GIÁM ĐỐC"; a unit head signing by order: "TL. GIÁM ĐỐC" over the
title. Names are written in Vietnamese order: family and middle name, then given name.
"""

from __future__ import annotations

import re

from regulations.organisation.models import Role, StaffProfile

AUTHORITY_PREFIXES = ("KT.", "TL.", "TUQ.", "TM.", "Q.")
DIRECTOR = "GIÁM ĐỐC"


def full_name(user) -> str:
    """ "Nguyễn Văn Hùng" (last_name holds family + middle name, first_name the given name)."""
    if user is None:
        return ""
    name = " ".join(p for p in (user.last_name.strip(), user.first_name.strip()) if p)
    return name or user.get_username()


def _upper(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().upper()


def signature_lines(signer_title: str) -> tuple[str, str]:
    """(authority line or "", title line), both upper case, from the signer's position."""
    title = (signer_title or "").strip()
    parts = [p for p in re.split(r"\s*(?:\n|/)\s*", title) if p]
    if len(parts) >= 2 and _upper(parts[0]).startswith(AUTHORITY_PREFIXES):
        return _upper(parts[0]), _upper(" ".join(parts[1:]))
    upper = _upper(title)
    if not upper or upper == DIRECTOR:
        return "", upper
    if upper.startswith("PHÓ GIÁM ĐỐC"):
        return f"KT. {DIRECTOR}", upper
    return f"TL. {DIRECTOR}", upper


def leadership_signer() -> tuple[str, str] | None:
    """(name, position) of the director if there is one, else of the first deputy."""
    profiles = list(
        StaffProfile.objects.filter(role=Role.LEADERSHIP).select_related("user").order_by("pk")
    )
    if not profiles:
        return None
    profiles.sort(key=lambda p: 0 if _upper(p.position) == DIRECTOR else 1)
    best = profiles[0]
    return full_name(best.user), best.position or "Phó Giám đốc"
