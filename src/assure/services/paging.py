"""A page of results: the items, how many there are in all, and where it starts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from assure.services.errors import InvalidRequest

MAX_LIMIT = 1000


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many items match, over all pages.")
    limit: int | None = Field(description="At most this many items per page (none: all).")
    offset: int = Field(description="How many matching items come before this page.")


def check_window(limit: int | None, offset: int) -> None:
    """Refuse a page window that cannot be right, in the user's terms."""
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise InvalidRequest(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise InvalidRequest(f"offset cannot be negative ({offset})")


def total_of(shown: int, limit: int | None, offset: int, count: Callable[[], int]) -> int:
    """How many items match in all, when a page from ``offset`` held ``shown``:
    counted only when the page cannot tell (it is full, or past the end)."""
    if (limit is None or shown < limit) and (shown or not offset):
        return offset + shown
    return count()
