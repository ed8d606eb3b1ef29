"""Signing in and out, and the session cookie a browser gets."""

from __future__ import annotations

from fastapi.testclient import TestClient

from interfaces.conftest import PASSWORD, USERS, csrf_of, sign_in


def test_healthz_answers_without_signing_in(sqlite_app):
    answer = TestClient(sqlite_app).get("/healthz")
    assert answer.status_code == 200
    assert "set-cookie" not in answer.headers


def test_sign_in_form_posts_email_password_and_csrf_token(sqlite_app):
    page = TestClient(sqlite_app).get("/sign-in")
    assert page.status_code == 200
    for field in ('name="email"', 'name="password"', 'name="csrf_token"'):
        assert field in page.text
    assert 'method="post" action="/sign-in"' in page.text


def test_signing_in_takes_you_where_you_were_going(sqlite_app):
    client = TestClient(sqlite_app, follow_redirects=False)
    first = client.get("/documents")
    assert first.status_code == 303 and first.headers["location"] == "/sign-in?next=%2Fdocuments"
    form = client.get(first.headers["location"])
    answer = client.post(
        "/sign-in",
        data={
            "email": USERS["viewer"][0].upper(),  # emails are matched case-blind
            "password": PASSWORD,
            "csrf_token": csrf_of(form.text),
            "next": "/documents",
        },
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/documents"
    assert client.get("/documents").status_code == 200


def test_the_session_cookie_is_httponly_samesite_and_secure_over_tls(sqlite_app):
    plain = TestClient(sqlite_app).get("/sign-in").headers["set-cookie"]
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain
    tls = TestClient(sqlite_app, base_url="https://testserver").get("/sign-in")
    assert "Secure" in tls.headers["set-cookie"]


def test_a_wrong_password_or_unknown_email_is_refused_in_the_same_words(sqlite_app):
    client = TestClient(sqlite_app, follow_redirects=False)
    token = csrf_of(client.get("/sign-in").text)
    wrong = client.post(
        "/sign-in",
        data={"email": USERS["viewer"][0], "password": "not it at all", "csrf_token": token},
    )
    unknown = client.post(
        "/sign-in",
        data={"email": "nobody@nowhere.example", "password": PASSWORD, "csrf_token": token},
    )
    assert wrong.status_code == unknown.status_code == 400
    assert "There is a problem" in wrong.text and "There is a problem" in unknown.text
    assert client.get("/documents").status_code == 303


def test_next_never_leaves_the_site(sqlite_app):
    client = TestClient(sqlite_app, follow_redirects=False)
    token = csrf_of(client.get("/sign-in").text)
    answer = client.post(
        "/sign-in",
        data={
            "email": USERS["viewer"][0],
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
    )
    assert answer.headers["location"] == "/"


def test_signing_out_ends_the_session(sqlite_app):
    client = sign_in(sqlite_app, "viewer")
    page = client.get("/documents")
    out = client.post("/sign-out", data={"csrf_token": csrf_of(page.text)})
    assert out.status_code == 303 and out.headers["location"] == "/sign-in"
    assert client.get("/documents").status_code == 303


def test_a_removed_user_is_signed_out_at_once(sqlite_app, sqlite_library):
    from assure.services import accounts
    from assure.storing import Library

    with Library(sqlite_library.settings) as library:
        operator = accounts.operator(library)
        accounts.add_user(
            operator,
            library,
            "temp@northfield.example",
            PASSWORD,
            ["Northfield Borough Council"],
            "viewer",
        )
        client = TestClient(sqlite_app, follow_redirects=False)
        token = csrf_of(client.get("/sign-in").text)
        client.post(
            "/sign-in",
            data={"email": "temp@northfield.example", "password": PASSWORD, "csrf_token": token},
        )
        assert client.get("/documents").status_code == 200
        accounts.remove_user(operator, library, "temp@northfield.example")
    assert client.get("/documents").status_code == 303
