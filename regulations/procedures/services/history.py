"""Lịch sử đơn giản hóa: what each new version of a procedure changed.

`compare_versions(a, b)` lists, per method (cách thức), the processing time and fees
before and after; the dossier components added, removed and changed; the steps and
text fields that changed; with the decision that produced `b`.
`version_history(procedure)` is that comparison for each consecutive pair.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from vietnamese.folding import fold

from ..models import MethodKind, ProcedureVersion

TEXT_FIELDS = [
    "applicants",
    "implementing_agency",
    "competent_agency",
    "coordinating_agency",
    "submission_place",
    "result",
    "requirements",
]


@dataclass
class MethodChange:
    """One cách thức: before/after processing days and fees (None = not offered)."""

    kind: str
    label: str
    days_before: Decimal | None
    days_after: Decimal | None
    fee_before: Decimal | None
    fee_after: Decimal | None

    @property
    def added(self):
        return self.days_before is None and self.days_after is not None

    @property
    def removed(self):
        return self.days_before is not None and self.days_after is None

    @property
    def days_saved(self):
        if self.days_before is None or self.days_after is None:
            return None
        return self.days_before - self.days_after

    @property
    def fee_saved(self):
        if self.fee_before is None or self.fee_after is None:
            return None
        return self.fee_before - self.fee_after

    @property
    def changed(self):
        return (self.days_before, self.fee_before) != (self.days_after, self.fee_after)


@dataclass
class ComponentChange:
    """A thành phần hồ sơ present on both sides whose quantities, form or note changed."""

    name: str
    before: str  # "Bản chính: 1 - Bản sao: 0"
    after: str
    what: list[str] = field(default_factory=list)


@dataclass
class VersionComparison:
    before: ProcedureVersion | None
    after: ProcedureVersion
    methods: list[MethodChange] = field(default_factory=list)
    components_added: list[str] = field(default_factory=list)
    components_removed: list[str] = field(default_factory=list)
    components_changed: list[ComponentChange] = field(default_factory=list)
    steps_before: int = 0
    steps_after: int = 0
    steps_changed: bool = False
    fields_changed: list[str] = field(default_factory=list)

    @property
    def decision(self):
        """The decision that produced the later version (quyết định sửa đổi)."""
        return self.after.decision

    @property
    def effective_from(self):
        return self.after.effective_from

    @property
    def components_before(self):
        return len(self.before.components.all()) if self.before else 0

    @property
    def components_after(self):
        return len(self.after.components.all())

    @property
    def has_changes(self):
        return bool(
            any(m.changed for m in self.methods)
            or self.components_added
            or self.components_removed
            or self.components_changed
            or self.steps_changed
            or self.fields_changed
        )


def _methods_by_kind(version):
    found = {}
    for method in version.methods.all() if version else []:
        found.setdefault(method.kind, method)
    return found


def _component_key(name):
    return " ".join(fold(name).split())


def _component_state(component):
    return {
        "quantity": (component.originals, component.copies),
        "form": component.form_template_id,
        "note": component.note.strip(),
    }


def compare_versions(a: ProcedureVersion | None, b: ProcedureVersion) -> VersionComparison:
    """What changed from version `a` (None: nothing before) to version `b`."""
    result = VersionComparison(before=a, after=b)
    before, after = _methods_by_kind(a), _methods_by_kind(b)
    order = [k for k in MethodKind.values if k in before or k in after]
    for kind in order:
        m_a, m_b = before.get(kind), after.get(kind)
        result.methods.append(
            MethodChange(
                kind=kind,
                label=str(MethodKind(kind).label),
                days_before=m_a.processing_days if m_a else None,
                days_after=m_b.processing_days if m_b else None,
                fee_before=m_a.fee if m_a else None,
                fee_after=m_b.fee if m_b else None,
            )
        )

    comps_a = {_component_key(c.name): c for c in (a.components.all() if a else [])}
    comps_b = {_component_key(c.name): c for c in b.components.all()}
    result.components_added = [c.name for k, c in comps_b.items() if k not in comps_a]
    result.components_removed = [c.name for k, c in comps_a.items() if k not in comps_b]
    labels = {"quantity": _("số lượng"), "form": _("mẫu đơn, tờ khai"), "note": _("ghi chú")}
    for key, c_b in comps_b.items():
        c_a = comps_a.get(key)
        if c_a is None:
            continue
        s_a, s_b = _component_state(c_a), _component_state(c_b)
        what = [str(labels[name]) for name in labels if s_a[name] != s_b[name]]
        if what:
            result.components_changed.append(
                ComponentChange(c_b.name, c_a.quantity_label, c_b.quantity_label, what)
            )

    steps_a = [(s.title.strip(), s.description.strip()) for s in (a.steps.all() if a else [])]
    steps_b = [(s.title.strip(), s.description.strip()) for s in b.steps.all()]
    result.steps_before, result.steps_after = len(steps_a), len(steps_b)
    result.steps_changed = a is not None and steps_a != steps_b
    if a is not None:
        result.fields_changed = [
            str(ProcedureVersion._meta.get_field(name).verbose_name)
            for name in TEXT_FIELDS
            if getattr(a, name).strip() != getattr(b, name).strip()
        ]
    return result


def version_history(procedure) -> list[VersionComparison]:
    """Each version compared with the one before it, oldest first; the first version
    is compared with nothing (everything "added")."""
    versions = list(
        procedure.versions.select_related("decision", "decision__document_type")
        .prefetch_related("methods", "components", "steps")
        .order_by("effective_from")
    )
    history, previous = [], None
    for version in versions:
        history.append(compare_versions(previous, version))
        previous = version
    return history


def simplifications(procedure) -> list[VersionComparison]:
    """The history without the first version: only the changes (đơn giản hóa)."""
    return version_history(procedure)[1:]
