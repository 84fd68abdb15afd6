"""What gets indexed, declared by the apps that own the data.

Each domain app may have a `search_items` module with `register(registry)`, where it
declares, for each indexed model, how to turn an object into SearchItems, for each
kind with staff-only items who may see them (`register_scope`, see search/scope.py),
its `data` fields with their types, and the aggregations it declares
(search/aggregations.py). The search module owns the engines; apps never talk to an
engine. The modules are found in the installed apps (`load`).

Item `data` fields are declared by the app with their types (`data_fields` of
register_model, types in DATA_TYPES): the Elasticsearch mapping is built from them
(search/engines/elastic_schema.py) and an aggregation (search/aggregations.py) may
only use declared fields. Their meaning is the app's (its search_items module).

Facets (bộ lọc of the search page) are declared the same way, by name and label
(`register_facet`): `registry.facets` lists them in declaration order, the engines
count and filter exactly these, and an item's `facets` dict gives its values (keys
that no app declares are kept with the item but neither counted nor filtered). The
"kind" pseudo-facet is the search module's own (search/views.py).

Every staff-only item carries a `scope_key` and its kind a registered scope function
(search/scope.py): search shows staff what the kind's admin listing shows them.
"""

import datetime
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules


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
    public: bool = True  # False: staff-only (shown within the kind's scope)
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
    data_fields: dict = field(default_factory=dict)  # {name: one of DATA_TYPES}


DATA_TYPES = ("keyword", "long", "integer", "float", "date", "boolean")


class Registry:
    def __init__(self):
        self.models: dict[type, IndexedModel] = {}
        self.aggregations: dict = {}  # {name: aggregations.Aggregation}
        self.scopes: dict[str, Callable] = {}
        self.labels: dict[str, str] = {}  # {kind: what a hit of that kind is called}
        self.facets: dict[str, str] = {}  # {facet: its label}, in declaration order

    def register_model(self, model, kind, to_items, queryset=None, owners=None, data_fields=None):
        data_fields = dict(data_fields or {})
        for name, kind_type in data_fields.items():
            if kind_type not in DATA_TYPES:
                raise ImproperlyConfigured(f"{kind}.{name}: unknown data type {kind_type!r}")
            other = self.data_types().get(name)
            if other not in (None, kind_type):
                raise ImproperlyConfigured(
                    f"{kind}.{name} is {kind_type!r} but another kind declares {other!r}: "
                    "the index has one mapping per data field"
                )
        self.models[model] = IndexedModel(
            model, kind, to_items, queryset, owners or {}, data_fields
        )

    def kind_fields(self, kind) -> dict:
        """{data field: type} declared for the items of `kind`."""
        fields = {}
        for indexed in self.models.values():
            if indexed.kind == kind:
                fields.update(indexed.data_fields)
        return fields

    def data_types(self) -> dict:
        """{data field: type} over every kind (what the index maps)."""
        types = {}
        for indexed in self.models.values():
            types.update(indexed.data_fields)
        return types

    def register_aggregation(self, aggregation):
        """A declared aggregation (search/aggregations.py), run by every engine."""
        declared = self.kind_fields(aggregation.kind)
        missing = sorted(aggregation.fields() - set(declared))
        if missing:
            raise ImproperlyConfigured(
                f"Aggregation {aggregation.name!r} uses data fields not declared for "
                f"{aggregation.kind!r}: {', '.join(missing)}"
            )
        self.aggregations[aggregation.name] = aggregation

    def aggregation(self, name_or_declaration):
        if not isinstance(name_or_declaration, str):
            return name_or_declaration
        try:
            return self.aggregations[name_or_declaration]
        except KeyError:
            raise LookupError(f"No aggregation named {name_or_declaration!r}.") from None

    def register_label(self, kind, label):
        """The name of a kind, as the search page shows it ("Văn bản", "Hồ sơ")."""
        self.labels[kind] = label

    def register_facet(self, name, label):
        """A facet the search page counts and filters by ("type" → "Loại văn bản").

        Several apps may declare the facet their items share ("unit", "status") under
        one label; a second, different label is refused (the page shows one)."""
        if name in ("kind", "parent"):
            raise ImproperlyConfigured(f"{name!r} is a filter of the search module, not a facet")
        known = self.facets.get(name)
        if known is not None and str(known) != str(label):
            raise ImproperlyConfigured(
                f"Facet {name!r} is declared as {str(known)!r} and as {str(label)!r}"
            )
        self.facets.setdefault(name, label)

    def register_scope(self, kind, scope_function):
        """Who sees the staff-only items of `kind`: scope_function(user) -> search.scope.Scope.
        A kind without one shows its staff-only items to nobody."""
        self.scopes[kind] = scope_function

    def scopes_for(self, user) -> dict:
        """{kind: Scope} for `user`, from every registered scope function."""
        return {kind: function(user) for kind, function in self.scopes.items()}

    def load(self):
        """Each installed app's `search_items` module registers, in INSTALLED_APPS order.

        autodiscover_modules imports them (once, as Django's admin does); every call of
        `load` then asks each of them to register with this registry."""
        for module in _search_items_modules():
            module.register(self)
        return self


def _search_items_modules():
    """The installed apps' `search_items` modules, in INSTALLED_APPS order."""
    autodiscover_modules("search_items")
    found = []
    for config in apps.get_app_configs():
        module = sys.modules.get(f"{config.name}.search_items")
        if module is not None:
            found.append(module)
    return found


registry = Registry()
