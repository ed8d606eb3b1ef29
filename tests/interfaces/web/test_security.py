"""The bar for the web app's security: signed out nothing is served but sign-in;
a form without the session's CSRF token changes nothing; document text and
file names are shown escaped and no page runs inline script; uploads are
checked for size and type before anything reads them."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from interfaces.conftest import XSS, api_client, csrf_of, sign_in
from interfaces.routes import page_routes

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def audit_count(lib) -> int:
    from assure.services import audit
    from assure.services.scope import Scope
    from assure.storing import Library

    with Library(lib.settings) as library:
        return audit.log(Scope.operator(library.councils()), library, limit=1).total


def test_the_walk_finds_the_pages(sqlite_app):
    templates = {r.template for r in page_routes(sqlite_app)}
    assert {"/", "/documents", "/documents/{document_id}", "/sign-out"} <= templates


def test_signed_out_every_page_redirects_to_sign_in(app):
    client = TestClient(app, follow_redirects=False)
    for route in page_routes(app):
        answer = client.request(route.method, route.path)
        assert answer.status_code == 303, (route, answer.status_code)
        assert answer.headers["location"].startswith("/sign-in"), route


def test_signed_out_htmx_requests_are_told_to_go_to_sign_in(sqlite_app):
    client = TestClient(sqlite_app, follow_redirects=False)
    answer = client.get("/documents", headers={"HX-Request": "true"})
    assert answer.headers["HX-Redirect"].startswith("/sign-in")


def test_a_forged_session_cookie_is_worth_nothing(sqlite_app):
    client = TestClient(sqlite_app, follow_redirects=False)
    client.cookies.set("assure_session", "eyJ1c2VyIjoiYW5hQG5vcnRoZmllbGQuZXhhbXBsZSJ9.abc.def")
    assert client.get("/documents").status_code == 303


def test_a_form_without_a_valid_csrf_token_changes_nothing(app, web_library):
    client = sign_in(app, "admin")
    posts = [r for r in page_routes(app) if r.method == "POST"]
    assert posts
    before = audit_count(web_library)
    for route in posts:
        for token in (None, "not-the-token"):
            data = {"csrf_token": token} if token else {}
            answer = client.post(route.path, data=data)
            assert answer.status_code == 403, (route, token, answer.status_code)
            assert "Nothing was changed" in answer.text
    assert audit_count(web_library) == before
    assert client.get("/documents").status_code == 200  # still signed in: sign-out refused too


def test_a_csrf_token_from_another_session_is_refused(sqlite_app):
    theirs = sign_in(sqlite_app, "viewer")
    stolen = csrf_of(theirs.get("/documents").text)
    mine = sign_in(sqlite_app, "admin")
    answer = mine.post("/sign-out", data={"csrf_token": stolen})
    assert answer.status_code == 403
    assert mine.get("/documents").status_code == 200


def test_script_in_document_text_and_file_names_is_shown_escaped(app, web_library):
    client = sign_in(app, "eastmoor")
    pages = [
        client.get("/documents"),
        client.get(f"/documents/{web_library.eastmoor_document}"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert XSS not in page.text and "<img src=x" not in page.text
        assert not INLINE_SCRIPT.search(page.text), page.url
    listing, detail = (p.text for p in pages)
    assert "&lt;img src=x onerror=alert(1)&gt;minutes.txt" in listing
    assert "&lt;script&gt;alert(&#39;assure&#39;)&lt;/script&gt;" in detail


def sample_values(app, lib) -> dict[str, object]:
    """Real ids for the routes' parameters, so each page shows something."""
    viewer = api_client(app, lib.token["viewer"])
    hit = viewer.get("/api/v1/search", params={"q": "direct payments"}).json()[0]
    return {
        "document_id": lib.northfield_documents[0],
        "statement": "safeguarding",
        "passage_id": hit["passage_id"],
        "key": viewer.get("/api/v1/actions").json()[0]["id"],
    }


def test_every_page_has_the_content_security_policy_and_no_inline_script(
    sqlite_app, sqlite_library
):
    client = sign_in(sqlite_app, "admin")
    values = sample_values(sqlite_app, sqlite_library)
    for route in page_routes(sqlite_app, values):
        if route.method != "GET":
            continue
        page = client.get(route.path, params={"form": "html"} if "export" in route.path else {})
        assert page.status_code in (200, 404), (route, page.status_code)
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        if "export" in route.path:
            assert page.headers["content-disposition"].startswith("attachment")
            continue
        assert not INLINE_SCRIPT.search(page.text), route
        assert " style=" not in page.text, route


def upload(client, name: str, data: bytes, council="Northfield Borough Council"):
    token = csrf_of(client.get("/documents/upload").text)
    return client.post(
        "/documents/upload",
        data={"csrf_token": token, "council": council},
        files={"file": (name, data, "application/octet-stream")},
    )


def document_count(client) -> int:
    return int(client.get("/api/v1/documents", headers={}).headers.get("x-total-count", -1))


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("big.txt", b"Carers support. " * 70_000, "too large"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 2000, "unsupported file type"),
        ("empty.docx", b"", "empty file"),
    ],
)
def test_over_size_and_wrong_type_uploads_are_refused_before_reading(
    sqlite_app, sqlite_library, name, data, said
):
    from assure.storing import Library

    client = sign_in(sqlite_app, "editor")
    with Library(sqlite_library.settings) as library:
        before = len(library.documents(library.councils()))
    answer = upload(client, name, data)
    assert answer.status_code in (400, 413)
    assert said in answer.text
    with Library(sqlite_library.settings) as library:
        assert len(library.documents(library.councils())) == before


def test_a_body_far_over_the_limit_is_cut_off_with_413(sqlite_app):
    client = sign_in(sqlite_app, "editor")
    token = csrf_of(client.get("/documents/upload").text)
    answer = client.post(
        "/documents/upload",
        data={"csrf_token": token, "council": "Northfield Borough Council"},
        files={"file": ("huge.txt", b"x" * (3 * 1024 * 1024), "text/plain")},
    )
    assert answer.status_code == 413


def test_a_viewer_cannot_upload(sqlite_app):
    client = sign_in(sqlite_app, "viewer")
    answer = upload(client, "note.txt", b"Carers support grew in 2024.\n")
    assert answer.status_code in (400, 403)
