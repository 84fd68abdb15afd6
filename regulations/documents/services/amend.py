"""Tạo phiên bản mới từ văn bản sửa đổi, bổ sung.

Copy the provisions of the version in force before the amendment, apply a list of
changes, and save the result as a new legal version produced by the amending
document, with a "sửa đổi, bổ sung" (or, for a repeal, "bãi bỏ") relation naming
each changed unit. All in
one transaction: a bad path or date leaves nothing behind.

A change is {path, action, level, number, title, text, children, whole, old, new}:
- "replace": the unit at `path` gets the given level/number/title/text (what is
  not given stays); its sub-units stay unless `children` is given, which replaces them
  (`whole`: the change is the whole new unit, so sub-units not given are removed);
- "insert_after": a new unit (with optional `children`) after the unit at `path`
  and all its sub-units, e.g. "Điều 5a" after "Điều 5";
- "insert_before": a new unit just before the unit at `path` ("vào trước Điều 99");
- "insert": a new unit whose own path is `path` ("dieu-5/khoan-3a"), placed among its
  siblings by number (after the last one numbered before it);
- "repeal": the unit at `path` and its sub-units are removed;
- "replace_words" / "remove_words" (thay thế / bỏ cụm từ): `old` becomes `new` (or
  nothing) in the unit at `path` and its sub-units; `path` "" is the whole text.

Inserted units get their path at once, so a later change may name them ("Điều 7b"
after "Điều 7a"). With a `failures` list, a change that cannot be applied is recorded
there (its index and the ValidationError) and skipped instead of stopping the run.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..legal_force import check_can_amend
from ..models import DocumentRelation, LegalVersion, RelationType
from ..structure import (
    RANK,
    ROOTED_LEVELS,
    ProvisionLevel,
    citation,
    normalise_path,
    number_key,
    segment,
)
from .provisions import ProvisionData, replace_provisions
from .versions import version_on, versions_of
from .wording import swap_words

REPLACE = "replace"
INSERT_AFTER = "insert_after"
INSERT_BEFORE = "insert_before"
INSERT = "insert"
REPEAL = "repeal"
REPLACE_WORDS = "replace_words"
REMOVE_WORDS = "remove_words"
ACTIONS = {
    REPLACE: "Sửa đổi nội dung",
    INSERT_AFTER: "Bổ sung sau quy định",
    INSERT_BEFORE: "Bổ sung trước quy định",
    INSERT: "Bổ sung theo số thứ tự",
    REPEAL: "Bãi bỏ",
    REPLACE_WORDS: "Thay thế cụm từ",
    REMOVE_WORDS: "Bỏ cụm từ",
}
WORD_ACTIONS = {REPLACE_WORDS, REMOVE_WORDS}


@dataclass
class Change:
    path: str
    action: str = REPLACE
    level: str | None = None
    number: str | None = None
    title: str | None = None
    text: str | None = None
    children: list = field(default_factory=list)  # [{level, number, title, text}]
    whole: bool = False
    old: str | None = None
    new: str | None = None

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


def _fail(message: str, code: str) -> ValidationError:
    return ValidationError({"changes": ValidationError(message, code=code)})


def _check_level(level: str) -> None:
    if level not in ProvisionLevel.values:
        raise _fail(
            _("Cấp quy định “%(level)s” không hợp lệ.") % {"level": level}, "form_not_recognised"
        )


def child_path(parent: str, level: str, number: str) -> str:
    """The path of a unit under `parent` (an article starts its own path)."""
    own = segment(level, number or "")
    return own if level in ROOTED_LEVELS or not parent else f"{parent}/{own}"


def _new_rows(change_children, amending_id, depth, parent_path="") -> list[_Row]:
    """Sub-units given flat in reading order; their depth and path follow their rank."""
    rows: list[_Row] = []
    stack: list[tuple[int, _Row]] = []
    for child in change_children:
        child = dict(child)
        level = child.get("level") or ""
        _check_level(level)
        rank = RANK[ProvisionLevel(level)]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        number = str(child.get("number") or "")
        row = _Row(
            ProvisionData(
                level=level,
                number=number,
                title=child.get("title") or "",
                text=child.get("text") or "",
                changed_by_id=amending_id,
            ),
            child_path(parent.path if parent else parent_path, level, number),
            (parent.depth if parent else depth) + 1,
        )
        rows.append(row)
        stack.append((rank, row))
    return rows


def _find(rows: list[_Row], path: str) -> int:
    index = next((i for i, r in enumerate(rows) if r.path and r.path == path), None)
    if index is None:
        raise _fail(
            _("Không có quy định “%(path)s” (%(citation)s) trong phiên bản đang sửa đổi.")
            % {"path": path, "citation": citation(path) if path else "—"},
            "target_not_found",
        )
    return index


def _replace(rows, index, change: Change, amending_id) -> None:
    row = rows[index]
    data = row.data
    if change.level:
        data.level = change.level
    for attr in ("number", "title", "text"):
        value = getattr(change, attr)
        if value is not None:
            setattr(data, attr, value)
    data.changed_by_id = amending_id
    if change.children or change.whole:
        end = _subtree_end(rows, index)
        rows[index + 1 : end] = _new_rows(change.children, amending_id, row.depth, row.path)


def _new_unit(change: Change, level: str, path: str, depth: int, amending_id) -> list[_Row]:
    _check_level(level)
    number = (change.number or "").strip()
    if not number and level not in (ProvisionLevel.PREAMBLE, ProvisionLevel.ANNEX):
        raise _fail(
            _("Quy định bổ sung sau “%(path)s” cần có số (ví dụ 5a).") % {"path": change.path},
            "form_not_recognised",
        )
    data = ProvisionData(level, number, change.title or "", change.text or "", amending_id)
    new = _Row(data, path, depth)
    return [new, *_new_rows(change.children, amending_id, depth, path)]


def _insert_after(rows, index, change: Change, amending_id, before=False) -> None:
    row = rows[index]
    level = change.level or row.data.level
    parent = row.path.rpartition("/")[0]
    path = child_path(parent, level, change.number or "")
    if change.number and any(r.path == path for r in rows):
        raise _fail(
            _("Quy định “%(path)s” đã có, không bổ sung được.") % {"path": path},
            "already_exists",
        )
    end = index if before else _subtree_end(rows, index)
    rows[end:end] = _new_unit(change, level, path, row.depth, amending_id)


def _insert(rows, change: Change, amending_id) -> None:
    """A new unit at its own path, after the last sibling numbered before it."""
    path = normalise_path(change.path)
    if any(r.path == path for r in rows):
        raise _fail(
            _("Quy định “%(path)s” đã có, không bổ sung được.") % {"path": path},
            "already_exists",
        )
    level = change.level or ProvisionLevel.ARTICLE
    key = number_key(change.number or "")
    if level in ROOTED_LEVELS:
        siblings = [i for i, r in enumerate(rows) if r.data.level == level]
        start, depth = (siblings[0] if siblings else len(rows)), None
    else:
        parent = _find(rows, path.rpartition("/")[0])
        end = _subtree_end(rows, parent)
        depth = rows[parent].depth + 1
        siblings = [
            i for i in range(parent + 1, end)
            if rows[i].depth == depth and rows[i].data.level == level
        ]  # fmt: skip
        start = parent + 1
    before = [i for i in siblings if number_key(rows[i].data.number) < key]
    at = _subtree_end(rows, before[-1]) if before else start
    if depth is None:
        depth = rows[siblings[0]].depth if siblings else 0
    rows[at:at] = _new_unit(change, level, path, depth, amending_id)


def _replace_words(rows, index, change: Change, amending_id) -> None:
    old, new = change.old or "", change.new or ""
    if not old:
        raise _fail(_("Cần nêu cụm từ cần thay."), "form_not_recognised")
    span = range(len(rows)) if index is None else range(index, _subtree_end(rows, index))
    found = 0
    for i in span:
        data = rows[i].data
        if index is None and amending_id and data.changed_by_id == amending_id:
            continue  # the amending text's own new units already read as it wants
        for attr in ("title", "text"):
            value, count = swap_words(getattr(data, attr), old, new)
            if count:
                found += count
                if not new:
                    value = re.sub(r" {2,}", " ", value).replace(" ,", ",").replace(" .", ".")
                setattr(data, attr, value.strip() if attr == "title" else value)
                data.changed_by_id = amending_id
    if not found:
        raise _fail(
            _("Không tìm thấy cụm từ “%(old)s” trong %(where)s.")
            % {"old": old, "where": citation(change.path) if change.path else _("văn bản")},
            "words_not_found",
        )


def _apply_one(rows: list[_Row], change: Change, amending_id) -> tuple[str, str]:
    path = normalise_path(change.path or "")
    if change.action not in ACTIONS:
        raise _fail(
            _("Thao tác “%(action)s” không hợp lệ.") % {"action": change.action},
            "form_not_recognised",
        )
    if change.action == INSERT:
        _insert(rows, change, amending_id)
        return path, change.action
    if change.action in WORD_ACTIONS:
        _replace_words(rows, _find(rows, path) if path else None, change, amending_id)
        return path, change.action
    index = _find(rows, path)
    if change.action == REPEAL:
        del rows[index : _subtree_end(rows, index)]
    elif change.action == REPLACE:
        _replace(rows, index, change, amending_id)
    else:
        _insert_after(rows, index, change, amending_id, before=change.action == INSERT_BEFORE)
    return path, change.action


def apply_changes(
    base_provisions, changes, amending_id, failures: list | None = None
) -> tuple[list[ProvisionData], list[tuple[str, str]]]:
    """The provision rows after the changes, and the (base path, action) pairs applied.

    Without `failures`, the first change that cannot be applied raises ValidationError;
    with it, (index, error) pairs are appended and the other changes still apply.
    """
    rows = [
        _Row(
            ProvisionData(p.level, p.number, p.title, p.text, p.changed_by_id),
            p.path,
            p.depth,
        )
        for p in base_provisions
    ]
    touched: list[tuple[str, str]] = []
    for i, raw in enumerate(changes):
        change = Change.of(raw)
        try:
            touched.append(_apply_one(rows, change, amending_id))
        except ValidationError as exc:
            if failures is None:
                raise
            failures.append((i, exc))
    return [r.data for r in rows], touched


def failure_code(exc: ValidationError) -> str:
    """The reason code of an apply_changes error ("target_not_found", …)."""
    for error in getattr(exc, "error_dict", {}).get("changes", []):
        if error.code:
            return error.code
    return "form_not_recognised"


@transaction.atomic
def amend(
    document,
    amending_document,
    effective_from: date,
    changes,
    note: str = "",
    *,
    draft: bool = False,
    failures: list | None = None,
):
    """Create the new consolidated version of `document`; returns it.

    Raises ValidationError (by field: amending_document, effective_from, changes)
    and leaves the database untouched on any error.

    `draft`: the version waits for confirmation (LegalVersion.is_draft): it is not
    in force, and the relations are left to the confirmation; a former draft of the
    same amending document and date is replaced. `failures`: see apply_changes.
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
    check_can_amend(document, amending_document)
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
        base.provisions.order_by("sort_order"), changes, amending_document.pk, failures
    )
    if draft:
        LegalVersion.objects.filter(
            document=document,
            effective_from=effective_from,
            amending_document=amending_document,
            is_draft=True,
        ).delete()
    version = LegalVersion(
        document=document,
        effective_from=effective_from,
        amending_document=amending_document,
        is_draft=draft,
        note=note or _("Sửa đổi, bổ sung theo %(doc)s") % {"doc": amending_document.citation_name},
    )
    version.save(recompute_paths=False)
    replace_provisions(version, rows)
    if draft:
        return version
    for path, action in dict.fromkeys(touched):
        DocumentRelation.objects.get_or_create(
            source=amending_document,
            relation_type=RelationType.REPEALS if action == REPEAL else RelationType.AMENDS,
            target=document,
            target_provision=path,
        )
    return version
