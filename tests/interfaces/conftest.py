"""Fixtures for the web app and API: the example library of Northfield, a
second council (Eastmoor) whose document holds script in its text and file
name, users of each with each role, and clients signed in as them.

The library is built once per test session and database (xdist workers each
build their own); tests that change it (corrections, action updates) change
only what they then check.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EXAMPLES, POSTGRES_URL, postgres_problem, postgres_schema

NORTHFIELD = "Northfield Borough Council"
EASTMOOR = "Eastmoor Council"
PASSWORD = "a long pass phrase"
XSS = "<script>alert('assure')</script>"
XSS_FILE = "<img src=x onerror=alert(1)>minutes.txt"
EXAMPLE_FILES = (
    "northfield-asc-self-assessment-2024.docx",
    "northfield-adults-scrutiny-pack-2025-03.pdf",
    "cqc-northfield-assessment-2025.pdf",
    "northfield-asc-improvement-plan-2025.docx",
    "performance-indicators.csv",
)
USERS = {
    "admin": ("ana@northfield.example", NORTHFIELD, "admin"),
    "editor": ("ed@northfield.example", NORTHFIELD, "editor"),
    "viewer": ("vic@northfield.example", NORTHFIELD, "viewer"),
    "eastmoor": ("eve@eastmoor.example", EASTMOOR, "editor"),
}


def eastmoor_minutes() -> str:
    """Minutes of an invented Eastmoor board whose text carries script."""
    return "\n".join(
        (
            "Eastmoor Council",
            "Adult Social Care Board",
            "Minutes of the meeting held on 4 February 2025",
            "",
            "1. Safeguarding update",
            f"The board heard that {XSS} appeared in a form field and was removed.",
            "RESOLVED: that the safeguarding team reports back in April.",
            "ACTION: Head of Safeguarding to circulate the audit by 31 March 2025.",
            "",
            "2. Carers support",
            "Members noted that direct payments for carers rose to 412 in 2024/25.",
        )
    )


def risk_layouts():
    """The invented risk registers of the risk parser's tests."""
    import importlib.util

    path = Path(__file__).parents[1] / "parsing" / "risk" / "risk_layouts.py"
    spec = importlib.util.spec_from_file_location("risk_layouts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class WebLibrary:
    settings: object
    token: dict[str, str]  # role -> API token
    eastmoor_document: int
    northfield_documents: tuple[int, ...]


def build(settings, folder: Path) -> WebLibrary:
    """Ingest the examples for Northfield and the Eastmoor minutes, and add
    the users of ``USERS`` with an API token each."""
    from assure.services import accounts
    from assure.services.application import Application
    from assure.services.ingest import ingest

    with Application(settings) as app:
        operator = accounts.operator(app.library, [NORTHFIELD, EASTMOOR])
        northfield = ingest(app, operator, [EXAMPLES / n for n in EXAMPLE_FILES], NORTHFIELD)
        assert northfield.failed == 0, northfield.files
        xss = folder / XSS_FILE
        xss.write_text(eastmoor_minutes(), encoding="utf-8")
        eastmoor = ingest(app, operator, [xss], EASTMOOR)
        assert eastmoor.failed == 0, eastmoor.files
        register = folder / "eastmoor-corporate-risks.xlsx"
        risk_layouts().spreadsheet(risk_layouts().register(), register)
        assert ingest(app, operator, [register], EASTMOOR).failed == 0
        tokens = {}
        for role, (email, council, grant) in USERS.items():
            accounts.add_user(operator, app.library, email, PASSWORD, [council], grant)
            tokens[role] = accounts.create_token(operator, app.library, email).token
        return WebLibrary(
            settings,
            tokens,
            eastmoor.files[0].document_id or 0,
            tuple(f.document_id or 0 for f in northfield.files),
        )


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def web_library(request, tmp_path_factory, trained_models) -> Iterator[WebLibrary]:
    """The example library with users, on SQLite or PostgreSQL."""
    from assure.settings import Settings

    folder = tmp_path_factory.mktemp(f"web-{request.param}")
    if trained_models is not None:
        shutil.copytree(trained_models, folder / "models")
    # A small upload limit, so the over-size test need not send 100 MB.
    if request.param == "sqlite":
        yield build(Settings(data_dir=str(folder), max_file_mb=1.0), folder)
        return
    problem = postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({problem})")
    with postgres_schema() as url:
        yield build(Settings(data_dir=str(folder), database_url=url, max_file_mb=1.0), folder)


@pytest.fixture(scope="session")
def sqlite_library(tmp_path_factory, trained_models) -> WebLibrary:
    """The same library on SQLite only, for tests whose subject is not storage."""
    from assure.settings import Settings

    folder = tmp_path_factory.mktemp("web-sqlite-only")
    if trained_models is not None:
        shutil.copytree(trained_models, folder / "models")
    return build(Settings(data_dir=str(folder), max_file_mb=1.0), folder)


def app_for(lib: WebLibrary):
    from assure.interfaces.web.app import create_app

    return create_app(lib.settings)


@pytest.fixture(scope="session")
def app(web_library):
    return app_for(web_library)


@pytest.fixture(scope="session")
def sqlite_app(sqlite_library):
    return app_for(sqlite_library)


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found[1]


def sign_in(app, role: str):
    """A browser-like client signed in as the user of ``role``."""
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    form = client.get("/sign-in")
    email = USERS[role][0]
    answer = client.post(
        "/sign-in",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
    )
    assert answer.status_code == 303, answer.text
    return client


def api_client(app, token: str | None):
    from fastapi.testclient import TestClient

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return TestClient(app, headers=headers, follow_redirects=False)
