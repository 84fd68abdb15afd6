"""Tạo phiên bản mới từ văn bản sửa đổi, bổ sung.

Copy the provisions of the version in force before the amendment, apply a list of
changes, and save the result as a new legal version produced by the amending
document, with a "sửa đổi, bổ sung" (or, for a repeal, "bãi bỏ") relation naming
each changed unit. All in
one transaction: a bad path or date leaves nothing behind.

A change is {path, action, level, number, title, text, children}:
- "replace": the unit at `path` gets the given level/number/title/text (what is
  not given stays); its sub-units stay unless `children` is given, which replaces them;
- "insert_after": a new unit (with optional `children`) after the unit at `path`
  and all its sub-units, e.g. "Điều 5a" after "Điều 5";
- "repeal": the unit at `path` and its sub-units are removed.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import DocumentRelation, LegalVersion, RelationType
from ..structure import ProvisionLevel, citation
from .provisions import ProvisionData, replace_provisions
from .relations import normalise_path
from .versions import version_on, versions_of

REPLACE = "replace"
INSERT_AFTER = "insert_after"
REPEAL = "repeal"
ACTIONS = {
    REPLACE: "Sửa đổi nội dung",
    INSERT_AFTER: "Bổ sung sau quy định",
    REPEAL: "Bãi bỏ",
}


@dataclass
class Change:
    path: str
    action: str = REPLACE
    level: str | None = None
    number: str | None = None
    title: str | None = None
    text: str | None = None
    children: list = field(default_factory=list)  # [{level, number, title, text}]

    @classmethod
    def of(cls, value) -> "Change":
        if isinstance(value, Change):
            return value
        return cls(**value)


@dataclass
class _Row:
    data: ProvisionData
    path: str  # path in the base version ("" for new rows)
    depth: int


def _subtree_end(rows: list[_Row], index: int) -> int:
    """Index just after the unit at `index` and its sub-units."""
    depth = rows[index].depth
    end = index + 1
    while end < len(rows) and rows[end].depth > depth:
        end += 1
    return end


def _new_rows(change_children, amending_id, depth) -> list[_Row]:
    rows = []
    for child in change_children:
        child = dict(child)
        level = child.get("level") or ""
        if level not in ProvisionLevel.values:
            raise ValidationError(
                {"changes": _("Cấp quy định “%(level)s” không hợp lệ.") % {"level": level}}
            )
        rows.append(
            _Row(
                ProvisionData(
                    level=level,
                    number=str(child.get("number") or ""),
                    title=child.get("title") or "",
                    text=child.get("text") or "",
                    changed_by_id=amending_id,
                ),
                "",
                depth + 1,
            )
        )
    return rows


def apply_changes(base_provisions, changes, amending_id) -> tuple[list[ProvisionData], list[str]]:
    """The provision rows after the changes, and the (base path, action) pairs applied."""
    rows = [
        _Row(
            ProvisionData(p.level, p.number, p.title, p.text, p.changed_by_id),
            p.path,
            p.depth,
        )
        for p in base_provisions
    ]
    touched: list[str] = []
    for raw in changes:
        change = Change.of(raw)
        path = normalise_path(change.path or "")
        if change.action not in ACTIONS:
            raise ValidationError(
                {"changes": _("Thao tác “%(action)s” không hợp lệ.") % {"action": change.action}}
            )
        index = next((i for i, r in enumerate(rows) if r.path and r.path == path), None)
        if index is None:
            raise ValidationError(
                {
                    "changes": _(
                        "Không có quy định “%(path)s” (%(citation)s) trong phiên bản đang sửa đổi."
                    )
                    % {"path": change.path, "citation": citation(path) if path else "—"}
                }
            )
        touched.append((path, change.action))
        row = rows[index]
        if change.action == REPEAL:
            del rows[index : _subtree_end(rows, index)]
        elif change.action == REPLACE:
            data = row.data
            if change.level:
                data.level = change.level
            for attr in ("number", "title", "text"):
                value = getattr(change, attr)
                if value is not None:
                    setattr(data, attr, value)
            data.changed_by_id = amending_id
            if change.children:
                end = _subtree_end(rows, index)
                rows[index + 1 : end] = _new_rows(change.children, amending_id, row.depth)
        else:  # insert_after
            level = change.level or row.data.level
            if level not in ProvisionLevel.values:
                raise ValidationError(
                    {"changes": _("Cấp quy định “%(level)s” không hợp lệ.") % {"level": level}}
                )
            if not (change.number or "").strip() and level not in (
                ProvisionLevel.PREAMBLE,
                ProvisionLevel.ANNEX,
            ):
                raise ValidationError(
                    {
                        "changes": _("Quy định bổ sung sau “%(path)s” cần có số (ví dụ 5a).")
                        % {"path": change.path}
                    }
                )
            end = _subtree_end(rows, index)
            new = _Row(
                ProvisionData(
                    level=level,
                    number=(change.number or "").strip(),
                    title=change.title or "",
                    text=change.text or "",
                    changed_by_id=amending_id,
                ),
                "",
                row.depth,
            )
            rows[end:end] = [new, *_new_rows(change.children, amending_id, row.depth)]
    return [r.data for r in rows], touched


@transaction.atomic
def amend(document, amending_document, effective_from: date, changes, note: str = ""):
    """Create the new consolidated version of `document`; returns it.

    Raises ValidationError (by field: amending_document, effective_from, changes)
    and leaves the database untouched on any error.
    """
    errors = {}
    if amending_document is None:
        errors["amending_document"] = _("Cần chọn văn bản sửa đổi, bổ sung.")
    elif amending_document.pk == document.pk:
        errors["amending_document"] = _("Văn bản không thể tự sửa đổi chính nó.")
    if effective_from is None:
        errors["effective_from"] = _("Cần nhập ngày có hiệu lực của phiên bản mới.")
    if not changes:
        errors["changes"] = _("Cần ít nhất một nội dung sửa đổi.")
    if errors:
        raise ValidationError(errors)
    latest = versions_of(document).last()
    if latest is None:
        raise ValidationError(
            {"changes": _("Văn bản chưa có phiên bản nào để sửa đổi; hãy nhập nội dung trước.")}
        )
    if effective_from <= latest.effective_from:
        raise ValidationError(
            {
                "effective_from": _(
                    "Ngày có hiệu lực phải sau ngày %(date)s của phiên bản mới nhất."
                )
                % {"date": latest.effective_from.strftime("%d/%m/%Y")}
            }
        )
    if amending_document.issued_date and effective_from < amending_document.issued_date:
        raise ValidationError(
            {
                "effective_from": _(
                    "Ngày có hiệu lực không thể trước ngày ban hành văn bản sửa đổi (%(date)s)."
                )
                % {"date": amending_document.issued_date.strftime("%d/%m/%Y")}
            }
        )
    base = version_on(document, effective_from) or latest
    rows, touched = apply_changes(
        base.provisions.order_by("sort_order"), changes, amending_document.pk
    )
    version = LegalVersion(
        document=document,
        effective_from=effective_from,
        amending_document=amending_document,
        note=note or _("Sửa đổi, bổ sung theo %(doc)s") % {"doc": amending_document.citation_name},
    )
    version.save(recompute_paths=False)
    replace_provisions(version, rows)
    for path, action in dict.fromkeys(touched):
        DocumentRelation.objects.get_or_create(
            source=amending_document,
            relation_type=RelationType.REPEALS if action == REPEAL else RelationType.AMENDS,
            target=document,
            target_provision=path,
        )
    return version
