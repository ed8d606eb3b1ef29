"""What every page route asks for: the library, the signed-in caller's scope,
a checked CSRF token on forms, and a renderer that gives templates what the
layout needs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assure.interfaces.web.security import CSRF_FIELD, csrf_ok
from assure.services import Scope
from assure.services.accounts import scope_of
from assure.services.application import Application
from assure.storing import Library

PER_PAGE = 50


class SignInRequired(Exception):
    """No signed-in user: pages send the browser to the sign-in form."""


class BadCsrf(Exception):
    """A form posted without the session's CSRF token."""


def library(request: Request) -> Library:
    return request.app.state.library


def application(request: Request) -> Application:
    """What the services work on: the settings and the library."""
    return request.app.state.application


def signed_in(request: Request) -> Scope:
    """The caller's scope as it is now; sign-in is required for every page."""
    email = request.session.get("user")
    scope = scope_of(library(request), email) if isinstance(email, str) else None
    if scope is None:
        request.session.pop("user", None)
        raise SignInRequired
    return scope


async def csrf_checked(request: Request) -> None:
    """On a POST, refuse the request before anything happens unless its form
    carries the session's CSRF token (or the X-CSRF-Token header, for HTMX).
    A signed-out browser is sent to sign in first (except to sign in)."""
    if request.method != "POST":
        return
    if request.url.path != "/sign-in" and not isinstance(request.session.get("user"), str):
        raise SignInRequired
    submitted: object = request.headers.get("x-csrf-token")
    if submitted is None:
        form = await request.form()
        submitted = form.get(CSRF_FIELD)
    if not csrf_ok(request.session, submitted):
        raise BadCsrf


def to_sign_in(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/sign-in" if target == "/" else f"/sign-in?next={quote(target, safe='')}"
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def render(
    request: Request,
    template: str,
    scope: Scope | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """The template as a page (or, for HTMX, only its ``fragment`` block when
    the template has one and the request asks for it)."""
    env = request.app.state.templates
    values = {
        "request": request,
        "scope": scope,
        "csrf_token": request.session.get("csrf", ""),
        "path": request.url.path,
        "params": dict(request.query_params),
        **context,
    }
    page = env.get_template(template)
    if request.headers.get("hx-request") and "fragment" in page.blocks:
        body = "".join(page.blocks["fragment"](page.new_context(values)))
    else:
        body = page.render(values)
    return HTMLResponse(body, status_code=status_code)
