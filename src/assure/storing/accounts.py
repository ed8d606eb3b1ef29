"""Accounts in SQL: users (by email), their password hashes, grants of a role
per council, and API tokens kept only as digests. No hashing policy here: the
services hash and verify; this module only stores and finds.

``AccountBook`` is what the rest of assure uses (``library.accounts``): each
method is one transaction, takes the audit note of the change it makes, and
returns plain records; the functions below it work inside a session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.errors import AssureError
from assure.storing import models as m
from assure.storing.audit import AuditNote, write_note
from assure.storing.councils import ensure_council, find_council


class UnknownAccount(AssureError):
    """No user with that email, no token with that id, or no such grant."""


class AccountExists(AssureError):
    """A user with that email is already stored."""


@dataclass(frozen=True, slots=True)
class AccountRecord:
    id: int
    email: str
    created_at: datetime
    grants: dict[str, str]  # council name -> role
    can_sign_in: bool


@dataclass(frozen=True, slots=True)
class TokenRecord:
    id: int
    email: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a user is and what they hold: their email and role per council."""

    email: str
    grants: dict[str, str]


class AccountBook:
    """Users, grants and tokens of one library, one transaction per call."""

    def __init__(
        self,
        reading: Callable[[], AbstractContextManager[Session]],
        writing: Callable[[], AbstractContextManager[Session]],
    ) -> None:
        self.reading = reading
        self.writing = writing

    # -- who is asking -------------------------------------------------------

    def password_hash(self, email: str) -> str | None:
        with self.reading() as session:
            user = find_user(session, email)
            return user.password_hash if user is not None else None

    def signed_in(self, email: str, checked: str, rehashed: str | None) -> Identity | None:
        """The identity of a user whose hash ``checked`` was just verified, if
        it is still theirs; ``rehashed`` replaces it (stronger parameters)."""
        with self.writing() as session:
            user = find_user(session, email)
            if user is None or user.password_hash != checked:
                return None  # removed, or the password changed, meanwhile
            if rehashed is not None:
                user.password_hash = rehashed
            return identity(session, user)

    def identity(self, email: str) -> Identity | None:
        with self.reading() as session:
            user = find_user(session, email)
            return identity(session, user) if user is not None else None

    def token_identity(self, digest: str) -> Identity | None:
        """The user a live (unrevoked) token with this digest belongs to."""
        with self.reading() as session:
            user = token_user(session, digest)
            return identity(session, user) if user is not None else None

    # -- users and grants ----------------------------------------------------

    def add_user(
        self, email: str, password_hash: str, grants: dict[str, str], notes: Sequence[AuditNote]
    ) -> AccountRecord:
        with self.writing() as session:
            if find_user(session, email) is not None:
                raise AccountExists(f"{normal_email(email)} already exists")
            user = create_user(session, email, password_hash)
            for council, role in grants.items():
                set_grant(session, user.id, ensure_council(session, council), role)
            for note in notes:
                write_note(session, note)
            return account_of(session, user)

    def accounts(self, councils: Sequence[str] | None) -> list[AccountRecord]:
        with self.reading() as session:
            return accounts(session, councils)

    def account(self, email: str) -> AccountRecord:
        with self.reading() as session:
            return account_of(session, existing_user(session, email))

    def grant(self, email: str, council: str, role: str, note: AuditNote) -> AccountRecord:
        """Give the role; the note is logged, with the role before, if it changed."""
        with self.writing() as session:
            user = existing_user(session, email)
            before = set_grant(session, user.id, ensure_council(session, council), role)
            if before != role:
                write_note(
                    session, replace(note, before=None if before is None else {"role": before})
                )
            return account_of(session, user)

    def revoke(self, email: str, council: str, note: AuditNote) -> AccountRecord:
        with self.writing() as session:
            user = existing_user(session, email)
            council_id = find_council(session, council)
            before = remove_grant(session, user.id, council_id) if council_id else None
            if before is None:
                raise UnknownAccount(f"{user.email} has no grant on {council}")
            write_note(session, replace(note, before={"role": before}))
            return account_of(session, user)

    def remove_user(self, email: str, grants: dict[str, str], notes: Sequence[AuditNote]) -> None:
        """Delete the user with their grants and tokens, if they still hold
        exactly ``grants`` (what the caller checked it may take away)."""
        with self.writing() as session:
            user = existing_user(session, email)
            if grants_of(session, user.id) != grants:
                raise UnknownAccount(f"{user.email}'s grants changed meanwhile: try again")
            for note in notes:
                write_note(session, note)
            session.delete(user)

    def set_password_hash(self, email: str, password_hash: str, note: AuditNote) -> None:
        with self.writing() as session:
            existing_user(session, email).password_hash = password_hash
            write_note(session, note)

    # -- API tokens ----------------------------------------------------------

    def add_token(self, email: str, digest: str, prefix: str, note: AuditNote) -> TokenRecord:
        with self.writing() as session:
            user = existing_user(session, email)
            token_id = add_token(session, user.id, digest, prefix)
            write_note(session, note)
            return next(t for t in tokens(session, [user.id]) if t.id == token_id)

    def tokens(self, email: str | None) -> list[TokenRecord]:
        """Tokens of the user with ``email``, or of everyone."""
        with self.reading() as session:
            if email is None:
                return tokens(session, None)
            return tokens(session, [existing_user(session, email).id])

    def token(self, token_id: int) -> TokenRecord | None:
        with self.reading() as session:
            return next(iter(tokens(session, None, token_id)), None)

    def revoke_token(self, token_id: int, note: AuditNote) -> TokenRecord:
        with self.writing() as session:
            token = session.get(m.ApiToken, token_id)
            if token is None:
                raise UnknownAccount(f"no token {token_id}")
            token.revoked_at = datetime.now(UTC)
            write_note(session, replace(note, before={"prefix": token.prefix}))
            session.flush()
            return tokens(session, None, token_id)[0]


# -- inside a session ---------------------------------------------------------


def identity(session: Session, user: m.User) -> Identity:
    return Identity(user.email or "", grants_of(session, user.id))


def existing_user(session: Session, email: str) -> m.User:
    user = find_user(session, email)
    if user is None:
        raise UnknownAccount(f"no user {normal_email(email)}")
    return user


def account_of(session: Session, user: m.User) -> AccountRecord:
    return AccountRecord(
        user.id,
        user.email or "",
        user.created_at,
        grants_of(session, user.id),
        bool(user.password_hash),
    )


def normal_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> m.User | None:
    return session.scalar(select(m.User).where(m.User.email == normal_email(email)))


def create_user(session: Session, email: str, password_hash: str | None) -> m.User:
    """A new user whose name and email are the (lower-cased) email."""
    address = normal_email(email)
    user = m.User(name=address, email=address, password_hash=password_hash)
    session.add(user)
    session.flush()
    return user


def grants_of(session: Session, user_id: int) -> dict[str, str]:
    rows = session.execute(
        select(m.Council.name, m.CouncilMember.role)
        .join(m.CouncilMember, m.CouncilMember.council_id == m.Council.id)
        .where(m.CouncilMember.user_id == user_id)
        .order_by(m.Council.name)
    )
    return {name: role for name, role in rows}


def set_grant(session: Session, user_id: int, council_id: int, role: str) -> str | None:
    """Give the user ``role`` on the council; the role they had before, if any."""
    member = session.get(m.CouncilMember, (user_id, council_id))
    if member is None:
        session.add(m.CouncilMember(user_id=user_id, council_id=council_id, role=role))
        session.flush()
        return None
    before = member.role
    member.role = role
    return before


def remove_grant(session: Session, user_id: int, council_id: int) -> str | None:
    """Take the council away from the user; the role they had, if any."""
    member = session.get(m.CouncilMember, (user_id, council_id))
    if member is None:
        return None
    session.delete(member)
    session.flush()
    return member.role


def accounts(session: Session, councils: Sequence[str] | None) -> list[AccountRecord]:
    """Users with their grants, by email; with ``councils``, only users granted
    one of them, and only those grants."""
    users = session.scalars(select(m.User).where(m.User.email.is_not(None)).order_by(m.User.email))
    found = []
    for user in users:
        grants = grants_of(session, user.id)
        if councils is not None:
            grants = {c: r for c, r in grants.items() if c in councils}
            if not grants:
                continue
        assert user.email is not None
        found.append(
            AccountRecord(user.id, user.email, user.created_at, grants, bool(user.password_hash))
        )
    return found


def add_token(session: Session, user_id: int, digest: str, prefix: str) -> int:
    token = m.ApiToken(user_id=user_id, digest=digest, prefix=prefix)
    session.add(token)
    session.flush()
    return token.id


def token_user(session: Session, digest: str) -> m.User | None:
    """The user a live (unrevoked) token with this digest belongs to."""
    return session.scalar(
        select(m.User)
        .join(m.ApiToken, m.ApiToken.user_id == m.User.id)
        .where(m.ApiToken.digest == digest)
        .where(m.ApiToken.revoked_at.is_(None))
    )


def tokens(
    session: Session, user_ids: Sequence[int] | None, token_id: int | None = None
) -> list[TokenRecord]:
    stmt = (
        select(m.ApiToken, m.User.email)
        .join(m.User, m.User.id == m.ApiToken.user_id)
        .order_by(m.ApiToken.id)
    )
    if user_ids is not None:
        stmt = stmt.where(m.ApiToken.user_id.in_(list(user_ids)))
    if token_id is not None:
        stmt = stmt.where(m.ApiToken.id == token_id)
    return [
        TokenRecord(t.id, email or "", t.prefix, t.created_at, t.revoked_at)
        for t, email in session.execute(stmt)
    ]
