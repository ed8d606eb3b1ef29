"""What the pages show a signed-in person, read from the services."""

from __future__ import annotations

from interfaces.conftest import api_client, sign_in


def test_the_risks_page_shows_ratings_before_and_after_controls(app, web_library):
    page = sign_in(app, "eastmoor").get("/plans").text
    assert "CRR02" in page
    assert "5 &times; 4 = <strong>20</strong>" in page  # before controls
    assert "5 &times; 2 = <strong>10</strong>" in page  # after
    risks = api_client(app, web_library.token["eastmoor"]).get("/api/v1/risks").json()
    cyber = next(r for r in risks if r["risk"]["ref"] == "CRR02")
    assert cyber["risk"]["residual"]["score"] == 10
    assert api_client(app, web_library.token["viewer"]).get("/api/v1/risks").json() == []


def test_overview_charts_the_published_ratings_beside_the_councils_own(
    tmp_path, sqlite_library, ratings_csv
):
    from dataclasses import replace

    from assure.interfaces.web.app import create_app

    app = create_app(replace(sqlite_library.settings, ratings_csv=str(ratings_csv)))
    client = sign_in(app, "editor")
    page = client.get("/").text
    assert "app-heat__cell--" in page and "Safeguarding" in page
    assert '<svg class="app-chart"' in page and "Published ratings of 72 councils" in page
    assert "Requires improvement" in page


def test_a_self_score_moves_the_simulated_rating(app, web_library):
    from interfaces.conftest import NORTHFIELD, csrf_of

    client = sign_in(app, "editor")
    token = csrf_of(client.get("/self-assessment").text)
    for statement in ("assessing-needs", "healthier-lives", "equity"):
        answer = client.post(
            "/self-assessment/scores",
            data={
                "csrf_token": token,
                "council": NORTHFIELD,
                "statement": statement,
                "score": "2",
                "rationale": "Waiting times are above our target",
            },
        )
        assert answer.status_code == 303
    overview = api_client(app, web_library.token["viewer"]).get("/api/v1/overview").json()
    assert (overview["percent"], overview["rating"]) == (50, "Requires improvement")
    assert "3 of 9 statements scored" in overview["note"]


def test_own_wording_replaces_the_drafted_text_in_the_exports(app, web_library):
    from interfaces.conftest import NORTHFIELD, csrf_of

    client = sign_in(app, "editor")
    token = csrf_of(client.get("/self-assessment").text)
    wording = "Our carers strategy was co-produced with the Northfield Carers Forum."
    saved = client.post(
        "/self-assessment/draft",
        data={
            "csrf_token": token,
            "council": NORTHFIELD,
            "statement": "partnerships",
            "text": wording,
        },
    )
    assert saved.status_code == 303
    exported = client.get("/self-assessment/export", params={"form": "html"})
    assert exported.headers["content-disposition"].startswith("attachment")
    assert wording in exported.text
    audit = api_client(app, web_library.token["admin"]).get("/api/v1/audit").json()
    assert any(
        e["action"] == "edit draft" and e["target"] == "partnerships" for e in audit["events"]
    )


def test_a_document_shows_its_structure_beside_numbered_lines(app, web_library):
    client = sign_in(app, "viewer")
    pack = next(
        d["id"]
        for d in api_client(app, web_library.token["viewer"]).get("/api/v1/documents").json()
        if d["kind"] == "committee_pack"
    )
    page = client.get(f"/documents/{pack}", params={"line": 120}).text
    assert 'id="line-120"' in page and "app-source__line--chosen" in page
    assert "Decision:" in page and "Structure" in page


def test_search_filters_by_kind_of_document(app):
    client = sign_in(app, "viewer")
    every = client.get("/search", params={"q": "direct payments"}).text
    packs = client.get("/search", params={"q": "direct payments", "kind": "committee_pack"}).text
    assert "Adult Social Care Self-Assessment" in every
    assert "Adult Social Care Self-Assessment" not in packs
    assert "<mark>" in packs


def test_meetings_and_actions_pages_show_one_page_with_a_pager(app, web_library):
    from assure.interfaces.web.deps import PER_PAGE

    client = sign_in(app, "viewer")
    api = api_client(app, web_library.token["viewer"])
    actions = api.get("/api/v1/actions", params={"limit": 200}).json()
    page = client.get("/actions").text
    assert f"{len(actions)} actions" in page
    assert actions[0]["text"] in page
    if len(actions) > PER_PAGE:
        assert actions[PER_PAGE]["text"] not in page and "Page 1 of" in page
    meetings = api.get("/api/v1/meetings", params={"limit": 200}).json()
    shown = client.get("/meetings").text
    assert f"{len(meetings)} meetings" in shown
    dated = [m["meeting"]["date"] for m in meetings if m["meeting"]["date"]]
    assert shown.index(max(dated)) < shown.index(min(dated))  # newest first
    beyond = client.get("/actions", params={"page": 100}).text
    assert f"{len(actions)} actions" in beyond and actions[0]["text"] not in beyond
