"""Lists cut to one page, and the checks every service makes on what a caller
sends (ids the engines can hold, text without control characters)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from assure.services.errors import InvalidRequest
from assure.services.paging import Page, check_window

T = TypeVar("T")
MAX_ID = 2**31 - 1  # the largest id every engine stores (PostgreSQL INTEGER)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def window(found: Sequence[T], limit: int | None, offset: int) -> Page[T]:
    """The items ``offset`` to ``offset + limit`` of ``found``, as a page."""
    check_window(limit, offset)
    end = None if limit is None else offset + limit
    return Page[T](items=list(found[offset:end]), total=len(found), limit=limit, offset=offset)


def storable(ident: int) -> bool:
    """Whether ``ident`` could be a stored id (larger ones overflow the engine)."""
    return 1 <= ident <= MAX_ID


def plain_text(text: str, what: str) -> str:
    """``text`` stripped; refused if it holds control characters, which no
    engine stores alike and Word cannot hold."""
    if CONTROL.search(text):
        raise InvalidRequest(f"{what} holds control characters")
    return text.strip()
