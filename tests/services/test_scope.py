"""The council scope every service takes: nothing without one, nothing outside it."""

from __future__ import annotations

import pytest

from assure.services import Forbidden, NoScope, NotFound, Role, Scope


def test_an_empty_scope_is_refused() -> None:
    with pytest.raises(NoScope):
        Scope(user="someone@example.org").require_any()


def test_a_council_outside_the_scope_is_not_found_and_too_low_a_role_is_forbidden() -> None:
    scope = Scope(user="v@example.org", grants={"Northfield": Role.VIEWER})
    assert scope.require("Northfield") == "Northfield"
    with pytest.raises(NotFound, match="Southfield"):
        scope.require("Southfield")
    with pytest.raises(Forbidden, match="viewer"):
        scope.require("Northfield", Role.EDITOR)


def test_roles_include_the_ones_below() -> None:
    scope = Scope(
        user="x@example.org",
        grants={"A": Role.ADMIN, "E": Role.EDITOR, "V": Role.VIEWER},
    )
    assert [scope.can_read(c) for c in "AEV"] == [True, True, True]
    assert [scope.can_edit(c) for c in "AEV"] == [True, True, False]
    assert [scope.is_admin(c) for c in "AEV"] == [True, False, False]


def test_narrowing_keeps_the_role_and_never_widens() -> None:
    scope = Scope.operator(["A", "B"])
    assert scope.narrowed("A").grants == {"A": Role.ADMIN}
    assert scope.narrowed(None) is scope
    with pytest.raises(NotFound):
        Scope(user="u", grants={"A": Role.VIEWER}).narrowed("B")


def test_grants_cannot_be_changed_after_the_scope_is_made() -> None:
    grants = {"A": Role.VIEWER}
    scope = Scope(user="u", grants=grants)
    grants["B"] = Role.ADMIN
    assert scope.councils == ("A",)
    with pytest.raises(TypeError):
        scope.grants["B"] = Role.ADMIN  # type: ignore[index]


def test_role_names_read_as_people_write_them() -> None:
    assert Role.named(" Editor ") is Role.EDITOR
    assert str(Role.ADMIN) == "admin"
    with pytest.raises(ValueError, match="viewer, editor, admin"):
        Role.named("reader")
