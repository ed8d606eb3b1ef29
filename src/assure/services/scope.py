"""Who is asking, and for which councils: the scope every service call takes.

Documents name residents and staff, so nothing is read or changed without a
scope: a signed-in user's grants (council -> role) in the web app and API, or
the local operator of the command line, who holds the database file and so acts
as an administrator of the councils it names. A service never widens a scope:
an empty one sees nothing, and asking for a council outside it is refused in
the same words as asking for one that does not exist, so a caller cannot learn
which councils are stored.

    >>> scope = Scope(user="a@example.org", grants={"Northfield": Role.EDITOR})
    >>> scope.can_edit("Northfield"), scope.can_read("Southfield")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType

from assure.services.errors import Forbidden, InvalidRequest, NoScope, NotFound

MAX_COUNCIL_NAME = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def council_name(name: str) -> str:
    """A council's name as given, checked: 1 to 200 characters, no control
    characters (they would reach file names, terminals and Word files)."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_COUNCIL_NAME or CONTROL.search(cleaned):
        raise InvalidRequest(
            f"a council's name is 1 to {MAX_COUNCIL_NAME} characters with no control "
            f"characters, not {name[:60]!r}"
        )
    return cleaned


class Role(IntEnum):
    """A user's role in one council; each role can do what the ones below can."""

    VIEWER = 1  # reads documents, evidence, actions, drafts
    EDITOR = 2  # uploads, corrects labels, updates actions, scores
    ADMIN = 3  # manages users and grants, deletes and moves documents

    @classmethod
    def named(cls, name: str) -> Role:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            known = ", ".join(r.name.lower() for r in cls)
            raise ValueError(f"unknown role {name!r} (one of: {known})") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Scope:
    """The councils a caller may use, with a role in each.

    ``user`` is the signed-in user's email, or ``None`` for the local operator.
    """

    user: str | None
    grants: Mapping[str, Role] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "grants", MappingProxyType(dict(self.grants)))

    @classmethod
    def operator(cls, councils: Iterable[str]) -> Scope:
        """The local command line's scope: administrator of ``councils``."""
        return cls(user=None, grants={council_name(name): Role.ADMIN for name in councils})

    @property
    def councils(self) -> tuple[str, ...]:
        """The councils in scope, sorted by name."""
        return tuple(sorted(self.grants))

    @property
    def actor(self) -> str:
        """Who the audit log names for a change made in this scope."""
        return self.user or "local operator"

    def role(self, council: str) -> Role | None:
        return self.grants.get(council)

    def can_read(self, council: str) -> bool:
        return council in self.grants

    def can_edit(self, council: str) -> bool:
        return self.grants.get(council, 0) >= Role.EDITOR

    def is_admin(self, council: str) -> bool:
        return self.grants.get(council, 0) >= Role.ADMIN

    def require_any(self) -> tuple[str, ...]:
        """The councils in scope; refuses an empty scope."""
        if not self.grants:
            raise NoScope("no council in scope: name a council, or ask for access to one")
        return self.councils

    def require(self, council: str, role: Role = Role.VIEWER) -> str:
        """``council`` if the caller holds ``role`` there. A council outside the
        scope is "not found", as if it did not exist; one in scope with too low
        a role is "forbidden"."""
        self.require_any()
        held = self.grants.get(council)
        if held is None:
            raise NotFound(f"no council named {council!r}")
        if held < role:
            raise Forbidden(f"{self.actor} is {held} in {council}; this needs {role}")
        return council

    def narrowed(self, council: str | None) -> Scope:
        """The same scope limited to ``council`` (which must be in it), or
        unchanged for ``None``."""
        if council is None:
            return self
        self.require(council)
        return Scope(self.user, {council: self.grants[council]})
