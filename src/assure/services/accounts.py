"""Accounts: sign-in, users and their grants per council, API tokens.

Passwords are kept only as argon2 hashes and tokens only as SHA-256 digests.
Sign-in and token checks give the caller's ``Scope``; every change is
written to the audit log in the same transaction.

    scope = sign_in(library, "ana@northfield.example", "a long pass phrase")
    if scope is not None and scope.can_edit("Northfield Borough Council"): ...
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel

from assure.services.errors import Forbidden, InvalidRequest
from assure.services.scope import Role, Scope
from assure.storing import Library
from assure.storing import accounts as store
from assure.storing.accounts import Identity
from assure.storing.audit import AuditNote

MIN_PASSWORD = 8
TOKEN_PREFIX = "assure_"
# argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): strong
# against guessing, and cheap enough that many people can sign in at once on a
# small server. Hashes made with other parameters still verify, and are
# re-hashed with these at the next sign-in.
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified against when the email is unknown, so a wrong email costs the same
# time as a wrong password and sign-in does not tell which accounts exist.
UNKNOWN_USER_HASH = HASHER.hash(secrets.token_hex(16))


class AccountError(InvalidRequest):
    """A request about accounts that cannot be done (unknown user, bad role...)."""


class Account(BaseModel):
    email: str
    grants: dict[str, str]  # council -> viewer | editor | admin
    created_at: datetime
    can_sign_in: bool


class ApiTokenInfo(BaseModel):
    id: int
    email: str
    prefix: str
    created_at: datetime
    revoked: bool


class IssuedToken(BaseModel):
    """A new token: ``token`` is shown this once and never stored."""

    token: str
    info: ApiTokenInfo


# -- who is asking -----------------------------------------------------------


def sign_in(library: Library, email: str, password: str) -> Scope | None:
    """The user's scope when the password is right, else None. The hash is
    checked outside any transaction (it takes a while, on purpose)."""
    stored = library.accounts.password_hash(email)
    try:
        HASHER.verify(stored or UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if stored is None:
        return None
    rehashed = HASHER.hash(password) if HASHER.check_needs_rehash(stored) else None
    found = library.accounts.signed_in(email, stored, rehashed)
    return scope_of_identity(found) if found is not None else None


def scope_of(library: Library, email: str) -> Scope | None:
    """The scope of a signed-in user as it is now (grants change), or None
    when the user has been removed."""
    found = library.accounts.identity(email)
    return scope_of_identity(found) if found is not None else None


def scope_of_token(library: Library, token: str) -> Scope | None:
    """The scope of the user a live API token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    found = library.accounts.token_identity(digest(token))
    return scope_of_identity(found) if found is not None else None


def operator(library: Library, councils: Sequence[str] = ()) -> Scope:
    """The local operator's scope: every council of the library, and
    ``councils`` it names (a grant may name a council not stored yet)."""
    return Scope.operator([*library.councils(), *councils])


def scope_of_identity(found: Identity) -> Scope:
    grants = {}
    for council, role in found.grants.items():
        with suppress(ValueError):  # a role of an older schema grants nothing
            grants[council] = Role.named(role)
    return Scope(found.email, grants)


# -- users and grants --------------------------------------------------------


def add_user(
    scope: Scope,
    library: Library,
    email: str,
    password: str,
    councils: Sequence[str],
    role: str,
) -> Account:
    """A new user with ``role`` on each of ``councils`` (the caller must be
    admin of each)."""
    checked = check_role(role)
    address = check_email(email)
    check_password(password)
    if not councils:
        raise AccountError("a user needs at least one council (--council NAME)")
    for council in councils:
        admin_of(scope, council)
    grants = dict.fromkeys(councils, checked)
    notes = [
        AuditNote(scope.actor, council, "user.add", address, None, {"role": checked})
        for council in grants
    ]
    with refused():
        return to_account(library.accounts.add_user(address, HASHER.hash(password), grants, notes))


def users(scope: Scope, library: Library) -> list[Account]:
    """Users of the councils the caller administers, with only those grants."""
    councils = administered(scope, library)
    found = library.accounts.accounts(None if scope.user is None else councils)
    return [to_account(a) for a in found]


def grant(scope: Scope, library: Library, email: str, council: str, role: str) -> Account:
    """Give a user ``role`` on ``council`` (or change the role they have)."""
    checked = check_role(role)
    admin_of(scope, council)
    address = store.normal_email(email)
    note = AuditNote(scope.actor, council, "user.grant", address, None, {"role": checked})
    with refused():
        return to_account(library.accounts.grant(address, council, checked, note))


def revoke(scope: Scope, library: Library, email: str, council: str) -> Account:
    """Take ``council`` away from a user."""
    admin_of(scope, council)
    address = store.normal_email(email)
    note = AuditNote(scope.actor, council, "user.revoke", address)
    with refused():
        return to_account(library.accounts.revoke(address, council, note))


def remove_user(scope: Scope, library: Library, email: str) -> None:
    """Delete a user, their grants and tokens (the caller must administer
    every council the user holds)."""
    with refused():
        found = library.accounts.account(email)
    administered(scope, library)
    for name in found.grants:
        admin_of(scope, name)
    held: list[tuple[str | None, str | None]] = list(found.grants.items()) or [(None, None)]
    notes = [  # one entry per council the user loses
        AuditNote(
            scope.actor, council, "user.remove", found.email, {"role": role} if role else None
        )
        for council, role in held
    ]
    with refused():
        library.accounts.remove_user(found.email, found.grants, notes)


def set_password(scope: Scope, library: Library, email: str, password: str) -> None:
    """Change a user's password (their own, or as admin of all their councils)."""
    check_password(password)
    with refused():
        found = library.accounts.account(email)
    if scope.user != found.email:
        for council in found.grants:
            admin_of(scope, council)
    note = AuditNote(scope.actor, None, "user.password", found.email)
    with refused():
        library.accounts.set_password_hash(found.email, HASHER.hash(password), note)


# -- API tokens --------------------------------------------------------------


def create_token(scope: Scope, library: Library, email: str) -> IssuedToken:
    """A new API token for the user (the operator for anyone, a user for themself)."""
    with refused():
        found = library.accounts.account(email)
    if scope.user is not None and scope.user != found.email:
        raise Forbidden("a user creates tokens only for themself")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    prefix = token[: len(TOKEN_PREFIX) + 6]
    note = AuditNote(scope.actor, None, "token.create", found.email, None, {"prefix": prefix})
    with refused():
        record = library.accounts.add_token(found.email, digest(token), prefix, note)
    return IssuedToken(token=token, info=token_info(record))


def tokens(scope: Scope, library: Library, email: str | None = None) -> list[ApiTokenInfo]:
    """Tokens (never their secret): the caller's own, or anyone's for the operator."""
    wanted = email if scope.user is None else scope.user
    with refused():
        return [token_info(t) for t in library.accounts.tokens(wanted)]


def revoke_token(scope: Scope, library: Library, token_id: int) -> ApiTokenInfo:
    token = library.accounts.token(token_id)
    if token is None or scope.user not in (None, token.email):
        raise AccountError(f"no token {token_id}")
    note = AuditNote(scope.actor, None, "token.revoke", token.email)
    with refused():
        return token_info(library.accounts.revoke_token(token_id, note))


@contextmanager
def refused() -> Iterator[None]:
    """Storage's account refusals as the services' request errors."""
    try:
        yield
    except (store.UnknownAccount, store.AccountExists) as error:
        raise AccountError(str(error)) from None


# -- checks and conversions --------------------------------------------------


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_role(role: str) -> str:
    """The role's name, checked."""
    try:
        return str(Role.named(role))
    except ValueError as error:
        raise AccountError(str(error)) from None


def check_email(email: str) -> str:
    address = store.normal_email(email)
    local, _, domain = address.partition("@")
    if not local or "." not in domain or any(c.isspace() for c in address) or len(address) > 320:
        raise AccountError(f"not an email address: {email!r}")
    return address


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")


def admin_of(scope: Scope, council: str) -> None:
    """Refuse unless the caller administers ``council`` (a council outside the
    scope is not found, as everywhere)."""
    scope.require(council, Role.ADMIN)


def administered(scope: Scope, library: Library) -> list[str]:
    """The councils whose users the caller manages (every one for the operator)."""
    if scope.user is None:
        return library.councils()
    found = [c for c in scope.require_any() if scope.is_admin(c)]
    if not found:
        raise Forbidden(f"{scope.actor} administers no council")
    return found


def to_account(record: store.AccountRecord) -> Account:
    return Account(
        email=record.email,
        grants=record.grants,
        created_at=record.created_at,
        can_sign_in=record.can_sign_in,
    )


def token_info(record: store.TokenRecord) -> ApiTokenInfo:
    return ApiTokenInfo(
        id=record.id,
        email=record.email,
        prefix=record.prefix,
        created_at=record.created_at,
        revoked=record.revoked_at is not None,
    )
