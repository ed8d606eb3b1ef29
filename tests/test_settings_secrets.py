"""No command prints a database password: `assure settings` (table and JSON)
and the line `assure serve` starts with show the URL with its secrets masked."""

from __future__ import annotations

import pytest

PASSWORD = "Tr0ub4dor-and-3"
URLS = (
    f"postgresql+psycopg://assure:{PASSWORD}@db.example:5432/assure",
    f"postgresql+psycopg://assure@db.example/assure?password={PASSWORD}&sslmode=require",
    f"postgresql+psycopg://assure:{PASSWORD}@db.example/assure?sslpassword={PASSWORD}",
)


@pytest.mark.parametrize("url", URLS)
def test_settings_never_print_a_password(cli, monkeypatch, url) -> None:
    monkeypatch.setenv("ASSURE_DATABASE_URL", url)
    table = cli("settings")
    as_json = cli("settings", "--json")
    for result in (table, as_json):
        assert result.exit_code == 0
        assert PASSWORD not in result.stdout + result.stderr
    assert "db.example" in table.stdout and "ASSURE_DATABASE_URL" in table.stdout


@pytest.mark.parametrize("url", URLS)
def test_serve_announces_its_database_without_the_password(cli, monkeypatch, url) -> None:
    import uvicorn

    started = []
    monkeypatch.setenv("ASSURE_DATABASE_URL", url)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.append(kwargs))
    monkeypatch.setattr("assure.interfaces.web.app.create_app", lambda settings: None)
    result = cli("serve", "--port", "8765")
    assert started and result.stdout.startswith("assure on http://127.0.0.1:8765/ (data: ")
    assert PASSWORD not in result.stdout + result.stderr
