"""Who sees which staff-only items: an engine-neutral filter, decided by the domain.

search/ holds no rule about roles or units. Each domain app registers, per kind, a
scope function `user -> Scope` (registry.register_scope) and gives each staff-only
SearchItem a `scope_key` (`unit_key(unit_id)`, `user_key(user_id)`). search.service
asks every registered function for the signed-in user and each engine keeps, besides
the public items, only the private items whose kind's scope allows their key:

- Scope.ALL: every item of the kind;
- Scope.NONE: none (also what a kind without a scope function gets);
- units({1, 2}) / users({7}): items whose scope_key is one of those keys.
"""

from collections.abc import Iterable
from dataclasses import dataclass


def unit_key(unit_id) -> str:
    """The scope key of an item that belongs to a unit ("" when it has none)."""
    return f"unit:{unit_id}" if unit_id is not None else ""


def user_key(user_id) -> str:
    """The scope key of an item that belongs to one person ("" when nobody)."""
    return f"user:{user_id}" if user_id is not None else ""


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    keys: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.everything and not self.keys


Scope.ALL = Scope(everything=True)
Scope.NONE = Scope()


def units(unit_ids: Iterable | None) -> Scope:
    """None: every unit (Scope.ALL); otherwise only the given units' items."""
    if unit_ids is None:
        return Scope.ALL
    return Scope(keys=frozenset(unit_key(i) for i in unit_ids if i is not None))


def users(user_ids: Iterable) -> Scope:
    return Scope(keys=frozenset(user_key(i) for i in user_ids if i is not None))
