"""A council's administrator manages its people: users, grants, passwords and
API tokens, each change audited, none reaching beyond the councils they run.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from assure.services import Forbidden, NotFound, Role, Scope
from assure.services import accounts as a
from assure.services.audit import log

NORTH = "Northfield Borough Council"
SOUTH = "Southvale District Council"
PASSWORD = "a long pass phrase"


def test_an_account_from_creation_to_removal_is_audited_step_by_step(library) -> None:
    operator = Scope.operator([NORTH, SOUTH])
    admin = a.add_user(operator, library, "Admin@North.example", PASSWORD, [NORTH], "admin")
    assert admin.email == "admin@north.example" and admin.grants == {NORTH: "admin"}
    north_admin = a.sign_in(library, "admin@north.example", PASSWORD)
    assert north_admin is not None and north_admin.is_admin(NORTH)
    assert a.sign_in(library, "admin@north.example", "not the pass phrase") is None
    assert a.sign_in(library, "nobody@north.example", PASSWORD) is None

    ana = a.add_user(north_admin, library, "ana@north.example", PASSWORD, [NORTH], "viewer")
    assert ana.grants == {NORTH: "viewer"}
    with pytest.raises(a.AccountError, match="already exists"):
        a.add_user(north_admin, library, "ANA@north.example", PASSWORD, [NORTH], "viewer")
    with pytest.raises(NotFound):  # a council outside the admin's scope is not found
        a.add_user(north_admin, library, "bo@south.example", PASSWORD, [SOUTH], "viewer")

    assert a.grant(north_admin, library, "ana@north.example", NORTH, "editor").grants == {
        NORTH: "editor"
    }
    ana_scope = a.scope_of(library, "ana@north.example")
    assert ana_scope is not None and ana_scope.can_edit(NORTH)
    with pytest.raises(a.AccountError, match="no grant"):
        a.revoke(operator, library, "ana@north.example", SOUTH)

    issued = a.create_token(ana_scope, library, "ana@north.example")
    token_scope = a.scope_of_token(library, issued.token)
    assert token_scope is not None and token_scope.user == "ana@north.example"
    with pytest.raises(Forbidden):
        a.create_token(ana_scope, library, "admin@north.example")
    with pytest.raises(a.AccountError, match="no token"):
        a.revoke_token(north_admin, library, issued.info.id)  # not the admin's own token
    assert a.revoke_token(ana_scope, library, issued.info.id).revoked
    assert a.scope_of_token(library, issued.token) is None

    a.set_password(north_admin, library, "ana@north.example", "another pass phrase")
    assert a.sign_in(library, "ana@north.example", PASSWORD) is None
    assert a.sign_in(library, "ana@north.example", "another pass phrase") is not None

    assert [u.email for u in a.users(north_admin, library)] == [
        "admin@north.example",
        "ana@north.example",
    ]
    a.remove_user(north_admin, library, "ana@north.example")
    assert a.scope_of(library, "ana@north.example") is None
    with pytest.raises(a.AccountError, match="no user"):
        a.remove_user(north_admin, library, "ana@north.example")

    events = log(Scope.operator([NORTH]), library, limit=100).events
    actions = [e.action for e in reversed(events)]
    assert actions == [
        "user.add",
        "user.add",
        "user.grant",
        "token.create",
        "token.revoke",
        "user.password",
        "user.remove",
    ]
    grant = next(e for e in events if e.action == "user.grant")
    assert (grant.before, grant.after) == ({"role": "viewer"}, {"role": "editor"})
    assert grant.actor == "admin@north.example"
    assert all(PASSWORD not in str(e.model_dump()) for e in events)


def test_an_admin_of_one_council_cannot_take_a_user_who_holds_another(library) -> None:
    operator = Scope.operator([NORTH, SOUTH])
    a.add_user(operator, library, "admin@north.example", PASSWORD, [NORTH], "admin")
    a.add_user(operator, library, "both@example.org", PASSWORD, [NORTH, SOUTH], "viewer")
    north_admin = Scope("admin@north.example", {NORTH: Role.ADMIN})
    with pytest.raises(NotFound):
        a.remove_user(north_admin, library, "both@example.org")
    with pytest.raises(NotFound):
        a.set_password(north_admin, library, "both@example.org", "a new pass phrase")
    assert a.scope_of(library, "both@example.org") is not None
    assert a.users(north_admin, library)[1].grants == {NORTH: "viewer"}  # only what it runs
