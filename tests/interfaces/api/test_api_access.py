"""The API's bar: every route answers 401 without a live token; a token sees
only its user's councils (another council's item is 404); openapi.json
describes every route; lists are paginated."""

from __future__ import annotations

import json

from interfaces.conftest import EASTMOOR, NORTHFIELD, api_client
from interfaces.routes import api_app, api_routes


def test_every_api_route_answers_401_without_a_token(app):
    routes = api_routes(app)
    assert {"/api/v1/documents", "/api/v1/openapi.json"} <= {r.template for r in routes}
    for token in (None, "assure_not-a-real-token", "Basic dXNlcjpwYXNz"):
        client = api_client(app, token)
        for route in routes:
            answer = client.request(route.method, route.path)
            assert answer.status_code == 401, (route, token, answer.status_code)
            assert answer.headers["www-authenticate"] == "Bearer"


def test_a_revoked_token_stops_working(sqlite_app, sqlite_library):
    from assure.services import accounts
    from assure.storing import Library

    with Library(sqlite_library.settings) as library:
        operator = accounts.operator(library)
        issued = accounts.create_token(operator, library, "vic@northfield.example")
        client = api_client(sqlite_app, issued.token)
        assert client.get("/api/v1/documents").status_code == 200
        accounts.revoke_token(operator, library, issued.info.id)
    assert client.get("/api/v1/documents").status_code == 401


def test_documents_lists_the_fields_of_assure_documents_json(app, web_library):
    answer = api_client(app, web_library.token["viewer"]).get("/api/v1/documents")
    assert answer.status_code == 200
    found = answer.json()
    assert {d["council"] for d in found} == {NORTHFIELD}
    assert len(found) == len(web_library.northfield_documents)
    expected = {
        "id", "council", "title", "kind", "date", "format", "pages", "lines", "passages",
        "content_hash", "source_path", "ingested_at", "warnings",
    }  # fmt: skip
    assert all(expected <= set(d) for d in found)


def test_documents_match_the_command_line(sqlite_app, sqlite_library, cli, monkeypatch):
    """The API's fields hold the same values as ``assure documents --json``."""
    monkeypatch.setenv("ASSURE_DATA_DIR", sqlite_library.settings.data_dir)
    printed = cli("documents", "--json", "--council", NORTHFIELD)
    by_id = {d["id"]: d for d in json.loads(printed.stdout)}
    api = api_client(sqlite_app, sqlite_library.token["viewer"]).get("/api/v1/documents").json()
    assert {d["id"] for d in api} == set(by_id)
    for d in api:
        assert {k: d[k] for k in by_id[d["id"]]} == by_id[d["id"]]


def test_another_councils_document_is_404_in_the_api(app, web_library):
    eastmoor = api_client(app, web_library.token["eastmoor"])
    northfield_id = web_library.northfield_documents[0]
    for path in (f"/api/v1/documents/{northfield_id}", f"/api/v1/documents/{northfield_id}/lines"):
        answer = eastmoor.get(path)
        assert answer.status_code == 404, path
        assert answer.json() == {"detail": "not found"}
    assert eastmoor.get(f"/api/v1/documents/{web_library.eastmoor_document}").status_code == 200
    assert eastmoor.get("/api/v1/documents/99999999").json() == {"detail": "not found"}
    listed = eastmoor.get("/api/v1/documents").json()
    assert {d["council"] for d in listed} == {EASTMOOR}
    assert eastmoor.get("/api/v1/documents", params={"council": NORTHFIELD}).status_code == 404


def test_openapi_describes_every_route(app, web_library):
    client = api_client(app, web_library.token["viewer"])
    described = client.get("/api/v1/openapi.json").json()
    paths = described["paths"]
    for route in api_routes(app):
        template = route.template.removeprefix("/api/v1")
        assert template in paths, template
        assert route.method.lower() in paths[template], route
    assert "bearer" in json.dumps(described["components"]["securitySchemes"]).lower()
    assert len(api_app(app).routes) > 0


def test_lists_are_paginated_with_total_and_links(app, web_library):
    client = api_client(app, web_library.token["viewer"])
    first = client.get("/api/v1/documents", params={"limit": 2})
    total = int(first.headers["x-total-count"])
    assert total == len(web_library.northfield_documents) and len(first.json()) == 2
    assert 'rel="next"' in first.headers["link"]
    seen = [d["id"] for d in first.json()]
    offset = 2
    while offset < total:
        seen += [
            d["id"]
            for d in client.get("/api/v1/documents", params={"limit": 2, "offset": offset}).json()
        ]
        offset += 2
    assert sorted(seen) == sorted(web_library.northfield_documents)
    assert client.get("/api/v1/documents", params={"limit": 0}).status_code == 422


def test_meetings_and_actions_come_a_page_at_a_time_with_their_total(app, web_library):
    client = api_client(app, web_library.token["viewer"])
    for route in ("/api/v1/meetings", "/api/v1/actions"):
        every = client.get(route, params={"limit": 200})
        total = int(every.headers["x-total-count"])
        assert total == len(every.json()) > 2 and "link" not in every.headers
        seen = []
        for offset in range(0, total, 2):
            page = client.get(route, params={"limit": 2, "offset": offset})
            assert page.status_code == 200 and int(page.headers["x-total-count"]) == total
            assert ('rel="next"' in page.headers.get("link", "")) == (offset + 2 < total)
            seen += page.json()
        assert seen == every.json(), route
        past = client.get(route, params={"limit": 2, "offset": total})
        assert past.json() == [] and int(past.headers["x-total-count"]) == total
    sources = [a["source"] for a in client.get("/api/v1/actions", params={"limit": 200}).json()]
    assert sources == sorted(sources, key=lambda s: s != "minutes") and "plan" in sources


def test_a_page_window_that_cannot_be_right_is_a_clear_422(app, web_library):
    client = api_client(app, web_library.token["viewer"])
    for route in ("/api/v1/meetings", "/api/v1/actions"):
        for params in ({"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "ten"}):
            answer = client.get(route, params=params)
            assert answer.status_code == 422, (route, params)
            (problem,) = answer.json()["detail"]
            assert problem["loc"] == ["query", next(iter(params))], problem
