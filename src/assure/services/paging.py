"""One page of a longer list: what every list service returns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel

from assure.services.errors import InvalidRequest

T = TypeVar("T")
MAX_LIMIT = 200
MAX_ID = 2**31 - 1  # the largest id any engine stores (PostgreSQL INTEGER)


def storable(ident: int) -> bool:
    """Whether ``ident`` could be a stored id (larger ones overflow the engine)."""
    return 1 <= ident <= MAX_ID


class Paged(BaseModel, Generic[T]):
    """``items`` from ``offset`` on, at most ``limit`` of them, out of ``total``."""

    items: list[T]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def plain_text(text: str, what: str) -> str:
    """``text`` stripped, refused if it holds control characters (they cannot
    be stored in every engine, nor written to Word)."""
    if CONTROL.search(text):
        raise InvalidRequest(f"{what} holds control characters")
    return text.strip()


def check_window(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MAX_LIMIT:
        raise InvalidRequest(f"offset is 0 or more and limit 1 to {MAX_LIMIT}")


def window(found: Sequence[T], offset: int, limit: int) -> Paged[T]:
    """The slice ``offset:offset+limit`` of ``found``, as a page."""
    check_window(offset, limit)
    return Paged[T](
        items=list(found[offset : offset + limit]), total=len(found), offset=offset, limit=limit
    )
