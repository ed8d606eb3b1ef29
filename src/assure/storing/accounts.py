"""Accounts in SQL: users (by email), their password hashes, grants of a role
per council, and API tokens kept only as digests. No hashing policy here: the
services hash and verify; this module only stores and finds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.storing import models as m


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


def tokens(session: Session, user_ids: Sequence[int] | None) -> list[TokenRecord]:
    stmt = (
        select(m.ApiToken, m.User.email)
        .join(m.User, m.User.id == m.ApiToken.user_id)
        .order_by(m.ApiToken.id)
    )
    if user_ids is not None:
        stmt = stmt.where(m.ApiToken.user_id.in_(list(user_ids)))
    return [
        TokenRecord(t.id, email or "", t.prefix, t.created_at, t.revoked_at)
        for t, email in session.execute(stmt)
    ]


def find_token(session: Session, token_id: int) -> m.ApiToken | None:
    return session.get(m.ApiToken, token_id)


def revoke_token(session: Session, token: m.ApiToken) -> None:
    token.revoked_at = datetime.now(UTC)
