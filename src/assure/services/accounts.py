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
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel
from sqlalchemy.orm import Session

from assure.services.errors import Forbidden, InvalidRequest
from assure.services.scope import Role, Scope
from assure.storing import Library, audit
from assure.storing import accounts as store
from assure.storing import models as m
from assure.storing.library import ensure_council, find_council

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
    with library.reading() as session:
        user = store.find_user(session, email)
        stored = user.password_hash if user is not None else None
    try:
        HASHER.verify(stored or UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if stored is None:
        return None
    with library.writing() as session:
        user = store.find_user(session, email)
        if user is None or user.password_hash != stored:
            return None  # removed, or the password changed, meanwhile
        if HASHER.check_needs_rehash(stored):
            user.password_hash = HASHER.hash(password)
        return scope_of_user(session, user)


def scope_of(library: Library, email: str) -> Scope | None:
    """The scope of a signed-in user as it is now (grants change), or None
    when the user has been removed."""
    with library.reading() as session:
        user = store.find_user(session, email)
        return scope_of_user(session, user) if user is not None else None


def scope_of_token(library: Library, token: str) -> Scope | None:
    """The scope of the user a live API token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with library.reading() as session:
        user = store.token_user(session, digest(token))
        return scope_of_user(session, user) if user is not None else None


def operator(library: Library, councils: Sequence[str] = ()) -> Scope:
    """The local operator's scope: every council of the library, and
    ``councils`` it names (a grant may name a council not stored yet)."""
    return Scope.operator([*library.councils(), *councils])


def scope_of_user(session: Session, user: m.User) -> Scope:
    grants = {}
    for council, role in store.grants_of(session, user.id).items():
        with suppress(ValueError):  # a role of an older schema grants nothing
            grants[council] = Role.named(role)
    return Scope(user.email, grants)


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
    with library.writing() as session:
        if store.find_user(session, address) is not None:
            raise AccountError(f"{address} already exists: grant it more councils instead")
        user = store.create_user(session, address, HASHER.hash(password))
        for council in dict.fromkeys(councils):
            store.set_grant(session, user.id, ensure_council(session, council), checked)
            audit.write(session, scope.actor, council, "user.add", address, None, {"role": checked})
        return account(session, user)


def users(scope: Scope, library: Library) -> list[Account]:
    """Users of the councils the caller administers, with only those grants."""
    councils = administered(scope, library)
    with library.reading() as session:
        found = store.accounts(session, None if scope.user is None else councils)
    return [to_account(a) for a in found]


def grant(scope: Scope, library: Library, email: str, council: str, role: str) -> Account:
    """Give a user ``role`` on ``council`` (or change the role they have)."""
    checked = check_role(role)
    admin_of(scope, council)
    with library.writing() as session:
        user = existing_user(session, email)
        before = store.set_grant(session, user.id, ensure_council(session, council), checked)
        if before != checked:
            audit.write(
                session,
                scope.actor,
                council,
                "user.grant",
                user.email or email,
                None if before is None else {"role": before},
                {"role": checked},
            )
        return account(session, user)


def revoke(scope: Scope, library: Library, email: str, council: str) -> Account:
    """Take ``council`` away from a user."""
    admin_of(scope, council)
    with library.writing() as session:
        user = existing_user(session, email)
        council_id = find_council(session, council)
        before = store.remove_grant(session, user.id, council_id) if council_id else None
        if before is None:
            raise AccountError(f"{user.email} has no grant on {council}")
        address = user.email or email
        audit.write(session, scope.actor, council, "user.revoke", address, {"role": before}, None)
        return account(session, user)


def remove_user(scope: Scope, library: Library, email: str) -> None:
    """Delete a user, their grants and tokens (the caller must administer
    every council the user holds)."""
    with library.writing() as session:
        user = existing_user(session, email)
        grants = store.grants_of(session, user.id)
        administered(scope, library)
        for name in grants:
            admin_of(scope, name)
        held: list[tuple[str | None, str | None]] = list(grants.items()) or [(None, None)]
        for council, role in held:  # one entry per council the user loses
            before = {"role": role} if role else None
            address = user.email or email
            audit.write(session, scope.actor, council, "user.remove", address, before, None)
        session.delete(user)


def set_password(scope: Scope, library: Library, email: str, password: str) -> None:
    """Change a user's password (their own, or as admin of all their councils)."""
    check_password(password)
    with library.writing() as session:
        user = existing_user(session, email)
        if scope.user != user.email:
            for council in store.grants_of(session, user.id):
                admin_of(scope, council)
        user.password_hash = HASHER.hash(password)
        audit.write(session, scope.actor, None, "user.password", user.email or "", None, None)


# -- API tokens --------------------------------------------------------------


def create_token(scope: Scope, library: Library, email: str) -> IssuedToken:
    """A new API token for the user (the operator for anyone, a user for themself)."""
    with library.writing() as session:
        user = existing_user(session, email)
        if scope.user is not None and scope.user != user.email:
            raise Forbidden("a user creates tokens only for themself")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        prefix = token[: len(TOKEN_PREFIX) + 6]
        token_id = store.add_token(session, user.id, digest(token), prefix)
        audit.write(
            session, scope.actor, None, "token.create", user.email or "", None, {"prefix": prefix}
        )
        record = next(t for t in store.tokens(session, [user.id]) if t.id == token_id)
    return IssuedToken(token=token, info=token_info(record))


def tokens(scope: Scope, library: Library, email: str | None = None) -> list[ApiTokenInfo]:
    """Tokens (never their secret): the caller's own, or anyone's for the operator."""
    with library.reading() as session:
        wanted = email if scope.user is None else scope.user
        if wanted is None:
            return [token_info(t) for t in store.tokens(session, None)]
        user = existing_user(session, wanted)
        return [token_info(t) for t in store.tokens(session, [user.id])]


def revoke_token(scope: Scope, library: Library, token_id: int) -> ApiTokenInfo:
    with library.writing() as session:
        token = store.find_token(session, token_id)
        owner = session.get(m.User, token.user_id) if token is not None else None
        if token is None or owner is None or scope.user not in (None, owner.email):
            raise AccountError(f"no token {token_id}")
        store.revoke_token(session, token)
        audit.write(
            session,
            scope.actor,
            None,
            "token.revoke",
            owner.email or "",
            {"prefix": token.prefix},
            None,
        )
        session.flush()
        record = next(t for t in store.tokens(session, [owner.id]) if t.id == token_id)
    return token_info(record)


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


def existing_user(session: Session, email: str) -> m.User:
    user = store.find_user(session, email)
    if user is None:
        raise AccountError(f"no user {store.normal_email(email)}")
    return user


def account(session: Session, user: m.User) -> Account:
    return Account(
        email=user.email or "",
        grants=store.grants_of(session, user.id),
        created_at=user.created_at,
        can_sign_in=bool(user.password_hash),
    )


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
