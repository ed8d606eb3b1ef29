"""The web app's guard: signed session cookies, CSRF tokens, security headers
and a cap on request bodies, as one ASGI middleware in front of every route.

The session is a signed (not encrypted) cookie holding the user's email and
the session's CSRF token; it is HttpOnly, SameSite=Lax, and Secure whenever
the request came over TLS (directly, or through a proxy uvicorn trusts). The
user's grants are looked up on every request, so a revoked grant or a removed
user takes effect at once.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from assure.settings import private_folder

Scope_ = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope_, Receive, Send], Awaitable[None]]

COOKIE = "assure_session"
SESSION_HOURS = 12
CSRF_FIELD = "csrf_token"
# Paths that never need a browser session: no cookie is set on their answers.
SESSIONLESS = ("/api/", "/static/", "/assets/", "/healthz")
# No inline script or style anywhere: scripts and styles come from our own files.
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def secret_key(data_dir: str) -> str:
    """The key that signs session cookies, made once per data folder and kept
    there readable only by its owner."""
    path = Path(data_dir) / "web-secret-key"
    if not path.exists():
        private_folder(path.parent)
        staging = path.with_suffix(f".{secrets.token_hex(4)}")
        staging.write_text(secrets.token_urlsafe(48), encoding="ascii")
        staging.chmod(0o600)
        staging.replace(path) if not path.exists() else staging.unlink()
    return path.read_text(encoding="ascii").strip()


class Guard:
    """ASGI middleware: loads ``scope["session"]`` (a dict with ``csrf`` and,
    once signed in, ``user``), writes it back when it changed, adds the
    security headers, and refuses bodies over ``max_body`` bytes with 413."""

    def __init__(self, app: ASGIApp, key: str, max_body: int) -> None:
        self.app = app
        self.signer = URLSafeTimedSerializer(key, salt="assure-session")
        self.max_body = max_body

    async def __call__(self, scope: Scope_, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.max_body:
            await too_large(send)
            return
        loaded = self.load(headers.get(b"cookie", b"").decode("latin-1"))
        session = dict(loaded)
        session.setdefault("csrf", secrets.token_urlsafe(32))
        scope["session"] = session
        secure = scope.get("scheme") == "https"
        sessionless = scope["path"].startswith(SESSIONLESS)

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                out = list(message.get("headers", []))
                out.extend(HEADERS)
                if not scope["path"].startswith(("/assets/", "/static/")):
                    out.append((b"cache-control", b"no-store"))
                if not sessionless and scope["session"] != loaded:
                    out.append((b"set-cookie", self.cookie(scope["session"], secure)))
                message["headers"] = out
            await send(message)

        await self.app(scope, self.capped(receive), send_with_headers)

    def load(self, cookie_header: str) -> dict[str, Any]:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie_header)
        except Exception:  # a malformed Cookie header is the same as none
            return {}
        morsel = jar.get(COOKIE)
        if morsel is None:
            return {}
        try:
            data = self.signer.loads(morsel.value, max_age=SESSION_HOURS * 3600)
        except BadSignature:
            return {}
        return data if isinstance(data, dict) else {}

    def cookie(self, session: dict[str, Any], secure: bool) -> bytes:
        if not session:
            value, age = "", 0
        else:
            value, age = self.signer.dumps(session), SESSION_HOURS * 3600
        parts = [f"{COOKIE}={value}", "Path=/", f"Max-Age={age}", "HttpOnly", "SameSite=Lax"]
        if secure:
            parts.append("Secure")
        return "; ".join(parts).encode("latin-1")

    def capped(self, receive: Receive) -> Receive:
        """``receive`` that stops a body growing past the cap (no or a false
        Content-Length)."""
        seen = 0
        limit = self.max_body

        async def counted() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        return counted


class BodyTooLarge(Exception):
    """A request body past the cap, found while reading it."""


async def too_large(send: Send) -> None:
    body = json.dumps({"detail": "the request is too large"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_ok(session: dict[str, Any], submitted: object) -> bool:
    """The submitted form token matches the session's (in constant time)."""
    expected = session.get("csrf")
    return (
        isinstance(submitted, str)
        and isinstance(expected, str)
        and hmac.compare_digest(submitted.encode(), expected.encode())
    )
