"""Áp dụng: the reader's operations → the amend service's changes, applied one by one.

Each instruction ends applied, failed or ambiguous, with the reason; the consolidated
rows come back with their paths, and every applied whole-unit replacement or insertion
is compared with its quoted text (the exact-equality check of the corpus measure).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..services.amend import (
    INSERT,
    INSERT_AFTER,
    INSERT_BEFORE,
    REMOVE_WORDS,
    REPEAL,
    REPLACE,
    REPLACE_WORDS,
    Change,
    apply_changes,
    child_path,
    failure_code,
)
from ..services.provisions import ProvisionData
from ..structure import place
from . import instructions as ins
from .quotes import Unit, label_lines, normalise, render
from .reader import Instruction
from .targets import parent_path

APPLIED, FAILED, AMBIGUOUS = "applied", "failed", "ambiguous"


@dataclass
class Row:
    """A provision with its place: what apply_changes reads."""

    level: str
    number: str
    title: str
    text: str
    path: str
    depth: int
    changed_by_id: int | None = None


@dataclass
class Outcome:
    """What became of one instruction (kết quả áp dụng)."""

    instruction: Instruction
    targets: list[str]
    status: str
    reasons: list[str] = field(default_factory=list)  # codes from instructions.REASONS
    details: list[str] = field(default_factory=list)  # the messages, per failed operation

    @property
    def reason(self) -> str:
        return "; ".join(dict.fromkeys(self.details)) if self.details else ""


@dataclass
class Check:
    """A whole-unit replacement or insertion compared with its quoted text."""

    path: str
    equal: bool
    expected: str
    got: str


@dataclass
class Consolidation:
    rows: list[Row]
    outcomes: list[Outcome]
    changes: list[Change]
    checks: list[Check]
    # Each applied change: (instruction index, target path, where its unit ends, change).
    done: list[tuple[int, str, str, Change]] = field(default_factory=list)


def with_paths(rows) -> list[Row]:
    """Rows (level, number, title, text …) in reading order, with path and depth."""
    rows = list(rows)
    placed, _warnings = place([(r.level, r.number) for r in rows])
    return [
        Row(r.level, r.number, r.title, r.text, p.path, p.depth, getattr(r, "changed_by_id", None))
        for r, p in zip(rows, placed, strict=True)
    ]


def change_of(op: ins.Operation, known: set[str] | None = None) -> Change:
    """The amend service's change for one operation.

    `known`: the paths present when it applies; "sửa đổi, bổ sung khoản 5" of an article
    that has only four becomes an insertion.
    """
    if op.action == ins.REPLACE and known is not None and op.path not in known:
        parent = parent_path(op.path)
        if op.unit is not None and op.unit.level and (not parent or parent in known):
            return change_of(ins.Operation(ins.INSERT, op.path, unit=op.unit))
    if op.action in (ins.REPLACE_WORDS, ins.REMOVE_WORDS):
        action = REMOVE_WORDS if op.action == ins.REMOVE_WORDS else REPLACE_WORDS
        return Change(op.path, action, old=op.old, new=op.new)
    if op.action == ins.REPEAL:
        return Change(op.path, REPEAL)
    if op.part == "title":
        return Change(op.path, REPLACE, title=op.new)
    if op.part == "text":
        return Change(op.path, REPLACE, text=op.unit.text)
    unit = op.unit
    children = [_child(u) for c in unit.children for u in c.rows()]
    if op.action == ins.INSERT:
        return Change(
            op.anchor or op.path,
            (INSERT_BEFORE if op.before else INSERT_AFTER) if op.anchor else INSERT,
            level=unit.level or None,
            number=op.path.rsplit("-", 1)[-1] if not unit.number else unit.number,
            title=unit.title,
            text=unit.text,
            children=children,
        )
    if not unit.level:  # only the unit's own text is quoted
        return Change(op.path, REPLACE, text=unit.text)
    return Change(
        op.path,
        REPLACE,
        level=unit.level,
        number=unit.number,  # a different number renumbers ("điểm c" quoted as “b) …”)
        title=unit.title,
        text=unit.text,
        children=children,
        whole=True,
    )


def _child(unit: Unit) -> dict:
    return {"level": unit.level, "number": unit.number, "title": unit.title, "text": unit.text}


def consolidate(base_rows, instructions: list[Instruction], amending_id=None) -> Consolidation:
    """Apply every instruction's operations to the base rows, recording each outcome."""
    base = list(base_rows)
    base_paths = {r.path for r in base}
    known = set(base_paths)
    plan: list[tuple[int, ins.Operation]] = []
    changes: list[Change] = []
    preset: dict[int, list[tuple[str, str]]] = {}
    for n, instruction in enumerate(instructions):
        for op in instruction.operations:
            error = op.error or _ambiguity(op, base_paths)
            if error:
                preset.setdefault(n, []).append((error, ins.REASONS[error]))
                continue
            op.path = _in_base(op.path, known)
            op.anchor = _in_base(op.anchor, known)
            plan.append((n, op))
            changes.append(change_of(op, known))
            _track(known, op, changes[-1])
    failures: list = []
    rows, _touched = apply_changes(base, changes, amending_id, failures)
    failed: dict[int, list[tuple[str, str]]] = {}
    for index, exc in failures:
        n = plan[index][0]
        failed.setdefault(n, []).append((failure_code(exc), "; ".join(exc.messages)))
    final = with_paths(rows)
    bad = {index for index, _exc in failures}
    checks = [
        _check(final, op)
        for index, (_n, op) in enumerate(plan)
        if index not in bad and op.unit is not None and op.unit.level and not op.part
    ]
    done = [
        (n, op.path, unit_path(op), changes[index])
        for index, (n, op) in enumerate(plan)
        if index not in bad
    ]
    outcomes = [
        _outcome(instruction, preset.get(n, []) + failed.get(n, []))
        for n, instruction in enumerate(instructions)
    ]
    return Consolidation(final, outcomes, changes, checks, done)


def _in_base(path: str, known: set[str]) -> str:
    """ "chuong-iv" cited alone is "phan-2/chuong-iv" when the base has parts."""
    if not path or path in known or path.startswith("dieu-"):
        return path
    found = [p for p in known if p.endswith(f"/{path}")]
    return found[0] if len(found) == 1 else path


def _track(known: set[str], op: ins.Operation, change: Change) -> None:
    """Keep `known` up to date with what the change adds or removes."""
    if change.action in (INSERT, INSERT_AFTER, INSERT_BEFORE):
        known.add(op.path)
    elif change.action == REPEAL:
        known.difference_update({p for p in known if p == op.path or p.startswith(op.path + "/")})
    elif change.action == REPLACE and op.unit is not None and op.unit.level and not op.part:
        known.add(unit_path(op))


def unit_path(op: ins.Operation) -> str:
    """Where the operation's quoted unit ends up (a renumbered unit moves)."""
    if op.unit is None or not op.unit.level:
        return op.path
    return child_path(parent_path(op.path), op.unit.level, op.unit.number)


def _ambiguity(op: ins.Operation, base_paths: set[str]) -> str:
    """ "ambiguous" when the path names no single unit: no article ("khoản 3" alone) or a
    duplicated unit in the base ("dieu-5" and "dieu-5~2")."""
    if op.path and not op.path.startswith(("dieu-", "chuong-", "phan-", "muc-", "phu-luc")):
        return "ambiguous"
    if op.path and f"{op.path}~2" in base_paths:
        return "ambiguous"
    return ""


def _outcome(instruction: Instruction, problems: list[tuple[str, str]]) -> Outcome:
    targets = [op.path for op in instruction.operations]
    if not instruction.operations:
        problems = [("form_not_recognised", ins.REASONS["form_not_recognised"])]
    codes = [code for code, _message in problems]
    status = APPLIED
    if codes:
        status = AMBIGUOUS if all(c == "ambiguous" for c in codes) else FAILED
    return Outcome(instruction, targets, status, codes, [m for _c, m in problems])


def _check(final: list[Row], op: ins.Operation) -> Check:
    expected = render([op.unit])
    path = unit_path(op)
    index = next((i for i, r in enumerate(final) if r.path == path), None)
    if index is None:
        return Check(path, False, expected, "")
    end = index + 1
    while end < len(final) and final[end].depth > final[index].depth:
        end += 1
    lines: list[str] = []
    for row in final[index:end]:
        lines += label_lines(row.level, row.number, row.title, row.text)
    got = normalise("\n".join(lines))
    return Check(path, got == expected, expected, got)


def provision_data(rows: list[Row]) -> list[ProvisionData]:
    return [ProvisionData(r.level, r.number, r.title, r.text, r.changed_by_id) for r in rows]
