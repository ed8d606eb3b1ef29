"""Sign in and sign out. The only page served to a signed-out browser."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import library, render, signed_in
from assure.services import Scope
from assure.services.accounts import sign_in

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this site (never ``//elsewhere`` or a full URL)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/sign-in")
def sign_in_form(request: Request, next: str | None = None) -> Response:
    if isinstance(request.session.get("user"), str):
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "sign_in.html", title="Sign in", next=safe_next(next))


@router.post("/sign-in")
def sign_in_submit(
    request: Request,
    email: str = Form(""),
    password: str = Form(""),
    next: str = Form("/"),
) -> Response:
    scope = sign_in(library(request), email, password) if email and password else None
    if scope is None:
        return render(
            request,
            "sign_in.html",
            status_code=400,
            title="Sign in",
            next=safe_next(next),
            email=email,
            error="Enter the email address and password of an account here",
        )
    # A new session (and CSRF token) at sign-in, so a token planted before
    # sign-in is worth nothing after it.
    request.session.clear()
    request.session.update(user=scope.user, csrf=secrets.token_urlsafe(32))
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/sign-out")
def sign_out(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)
