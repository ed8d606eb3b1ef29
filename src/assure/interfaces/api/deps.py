"""What every API route asks for: the caller's scope from a bearer token,
and list pagination (``limit``/``offset`` in, ``X-Total-Count`` and a
``Link`` header out)."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assure.services import Scope
from assure.services.accounts import scope_of_token
from assure.services.application import Application
from assure.services.listing import MAX_ID
from assure.services.paging import Page
from assure.storing import Library

T = TypeVar("T")
MAX_PAGE = 200  # items one request may ask for
ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="A stored item's id.")]
bearer = HTTPBearer(auto_error=False, description="An API token from `assure tokens create EMAIL`.")
Responses = dict[int | str, dict[str, Any]]
UNAUTHORIZED: Responses = {401: {"description": "No valid API token"}}
NOT_FOUND: Responses = {404: {"description": "Nothing with that id in the caller's councils"}}
PAGED_HEADERS: dict[str, Any] = {
    "X-Total-Count": {
        "description": "How many items there are in all",
        "schema": {"type": "integer"},
    },
    "Link": {"description": "The next and previous pages (RFC 8288)", "schema": {"type": "string"}},
}


def library(request: Request) -> Library:
    return request.app.state.library


def application(request: Request) -> Application:
    return request.app.state.application


def token_scope(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> Scope:
    """The scope of the token's user; 401 without a live token."""
    scope = scope_of_token(library(request), credentials.credentials) if credentials else None
    if scope is None:
        raise HTTPException(
            401, "a valid API token is needed", headers={"WWW-Authenticate": "Bearer"}
        )
    return scope


class Window:
    """``?limit=&offset=`` of a list route."""

    def __init__(
        self,
        limit: int = Query(50, ge=1, le=MAX_PAGE, description="How many items (at most 200)."),
        offset: int = Query(0, ge=0, le=10_000_000, description="How many items to skip."),
    ) -> None:
        self.limit = limit
        self.offset = offset


def paged(request: Request, response: Response, page: Page[T]) -> list[T]:
    """The page's items, with its total and links to the pages beside it."""
    response.headers["X-Total-Count"] = str(page.total)
    size = page.limit or max(len(page.items), 1)
    links = []
    if page.offset + len(page.items) < page.total:
        links.append((page.offset + size, "next"))
    if page.offset > 0:
        links.append((max(0, page.offset - size), "prev"))
    if links:
        url = request.url
        response.headers["Link"] = ", ".join(
            f'<{url.include_query_params(offset=o, limit=size)}>; rel="{rel}"' for o, rel in links
        )
    return page.items


def responses(*extra: Responses) -> Responses:
    merged: Responses = dict(UNAUTHORIZED)
    for part in extra:
        merged.update(part)
    return merged


LISTING: Responses = {200: {"headers": PAGED_HEADERS}}
