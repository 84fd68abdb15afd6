"""What gets indexed, declared by the apps that own the data.

Each domain app may have a `search_items` module with `register(registry)`, where it
declares, for each indexed model, how to turn an object into SearchItems, for each
kind with staff-only items who may see them (`register_scope`, see search/scope.py),
and (for tracking numbers) ORM implementations of named aggregations. The search
module owns the engines; apps never talk to an engine.

Item `data` fields per kind (the Elasticsearch engine aggregates over these, the
embedded engine calls the app's ORM aggregation; both must agree):

- "task" (regulations.planning): plan_id, unit_id, unit_name, status
  (chua_thuc_hien | dang_thuc_hien | cho_duyet | hoan_thanh), deadline (ISO date or None),
  completed_on (ISO date or None), recurring (bool).
  Overdue = deadline and completed_on is None and today > deadline; completed late =
  completed_on > deadline; due soon = not completed and today <= deadline <= today+7.
- "review" (regulations.planning): plan_id, unit_id, unit_name, outcome, status,
  saving_hours (float or None).
- "dossier" (regulations.dossiers): unit_id, unit_name, procedure_id, status (1..10),
  received_on, appointment_date, finished_on, returned_on, late (bool), letters (int),
  delay_days (int) — late/delay_days as of indexing; engines derive lateness on the day
  of the query from completed_on, completed_late, completed_delay_days and open (bool);
  "needs a letter" from appointment_on (current appointment) and
  completed_after_appointment (bool).
- "survey_answer" (regulations.surveys): criterion_id, factor_id, unit_id, procedure_id,
  quarter ("2017-Q1"), value (1..5), satisfied (bool: value >= 4).
- "feedback" (regulations.feedback): unit_id, status.
- "notification" (regulations.planning): recipient_id, notice_kind.

Every staff-only item carries a `scope_key` and its kind a registered scope function
(search/scope.py): search shows staff what the kind's admin listing shows them.
"""

import datetime
import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

ITEM_MODULES = [
    "regulations.documents.search_items",
    "regulations.procedures.search_items",
    "regulations.planning.search_items",
    "regulations.dossiers.search_items",
    "regulations.surveys.search_items",
    "regulations.feedback.search_items",
]


@dataclass
class SearchItem:
    """One hit in the index: a document, a provision, a procedure, a task…"""

    kind: str
    key: str  # unique across the index, e.g. "provision:123"
    title: str
    url: str
    number: str = ""  # the document number/symbol, also on a provision hit
    # The key of the item this one belongs to (a provision's document): search groups
    # an item's matches under it, the parent first. "" for a top-level item.
    parent: str = ""
    body: str = ""
    date: datetime.date | None = None  # (a bare `date` here would shadow the type)
    in_force: bool = True
    public: bool = True  # False: staff-only (tasks, dossiers, survey answers)
    scope_key: str = ""  # who may see it when staff-only (search.scope.unit_key/user_key)
    facets: dict = field(default_factory=dict)  # type, issuer, year, status, field, unit…
    data: dict = field(default_factory=dict)  # fields for tracking aggregations


@dataclass
class IndexedModel:
    model: type
    kind: str
    to_items: Callable[[object], Iterable[SearchItem]]
    queryset: Callable[[], Iterable] | None = None  # what a rebuild walks
    # Related models whose save should reindex an owner: {Model: fn(obj) -> owners}, the
    # owners as instances or as (Model, pk) references (no query when only noted).
    owners: dict = field(default_factory=dict)


class Registry:
    def __init__(self):
        self.models: dict[type, IndexedModel] = {}
        self.aggregations: dict[str, Callable] = {}
        self.scopes: dict[str, Callable] = {}

    def register_model(self, model, kind, to_items, queryset=None, owners=None):
        self.models[model] = IndexedModel(model, kind, to_items, queryset, owners or {})

    def register_aggregation(self, name, orm_function):
        """The embedded engine's implementation of a named tracking aggregation."""
        self.aggregations[name] = orm_function

    def register_scope(self, kind, scope_function):
        """Who sees the staff-only items of `kind`: scope_function(user) -> search.scope.Scope.
        A kind without one shows its staff-only items to nobody."""
        self.scopes[kind] = scope_function

    def scopes_for(self, user) -> dict:
        """{kind: Scope} for `user`, from every registered scope function."""
        return {kind: function(user) for kind, function in self.scopes.items()}

    def load(self):
        for name in ITEM_MODULES:
            if importlib.util.find_spec(name) is not None:
                importlib.import_module(name).register(self)
        return self


registry = Registry()
