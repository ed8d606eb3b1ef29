"""A user of one council asking for another council's documents, passages,
actions, uploads and exports by id or name gets 404, in pages and in the API,
and cannot change them."""

from __future__ import annotations

import pytest

from interfaces.conftest import NORTHFIELD, api_client, csrf_of, sign_in


@pytest.fixture(scope="module")
def northfield_ids(app, web_library):
    """Ids of Northfield's things, as a Northfield viewer sees them."""
    viewer = api_client(app, web_library.token["viewer"])
    passage = viewer.get("/api/v1/search", params={"q": "direct payments"}).json()[0]["passage_id"]
    action = viewer.get("/api/v1/actions").json()[0]["id"]
    return {
        "document": web_library.northfield_documents[0],
        "passage": passage,
        "action": action,
    }


def test_pages_answer_404_for_another_councils_items(app, northfield_ids):
    client = sign_in(app, "eastmoor")
    ids = northfield_ids
    council = NORTHFIELD.replace(" ", "+")
    for path in (
        f"/documents/{ids['document']}",
        f"/documents/{ids['document']}?line=5",
        f"/passages/{ids['passage']}",
        f"/actions/{ids['action']}",
        f"/self-assessment/export?form=docx&council={council}",
        f"/self-assessment/export?form=csv&council={council}",
        f"/self-assessment?council={council}",
        f"/?council={council}",
        f"/documents?council={council}",
        "/evidence/safeguarding?council=" + council,
    ):
        answer = client.get(path)
        assert answer.status_code == 404, (path, answer.status_code)
        assert "Page not found" in answer.text
        assert NORTHFIELD not in answer.text.replace("Northfield Borough Council", "", 0)


def test_the_api_answers_404_for_another_councils_items(app, web_library, northfield_ids):
    client = api_client(app, web_library.token["eastmoor"])
    ids = northfield_ids
    for path in (
        f"/api/v1/documents/{ids['document']}",
        f"/api/v1/passages/{ids['passage']}",
        f"/api/v1/actions/{ids['action']}",
        "/api/v1/exports/draft.docx",
        "/api/v1/exports/gaps.xlsx",
        "/api/v1/overview",
        "/api/v1/draft",
        "/api/v1/statements/safeguarding/evidence",
        "/api/v1/search",
        "/api/v1/actions",
    ):
        answer = client.get(path, params={"council": NORTHFIELD, "q": "direct"})
        assert answer.status_code == 404, (path, answer.status_code)
        assert answer.json() == {"detail": "not found"}


def test_another_councils_items_cannot_be_changed(app, web_library, northfield_ids):
    ids = northfield_ids
    viewer = api_client(app, web_library.token["viewer"])
    passage_before = viewer.get(f"/api/v1/passages/{ids['passage']}").json()
    action_before = viewer.get(f"/api/v1/actions/{ids['action']}").json()

    api = api_client(app, web_library.token["eastmoor"])
    assert (
        api.post(
            f"/api/v1/passages/{ids['passage']}/corrections",
            json={"verdict": "relabel", "relabel_to": ["equity"]},
        ).status_code
        == 404
    )
    assert (
        api.post(f"/api/v1/actions/{ids['action']}/status", json={"status": "done"}).status_code
        == 404
    )
    score = {"council": NORTHFIELD, "statement": "equity", "score": 1, "rationale": "x"}
    assert api.post("/api/v1/self-scores", json=score).status_code == 404

    page = sign_in(app, "eastmoor")
    token = csrf_of(page.get("/documents").text)
    answers = [
        page.post(
            f"/passages/{ids['passage']}/correction",
            data={"csrf_token": token, "verdict": "relabel", "relabel": "equity"},
        ),
        page.post(f"/actions/{ids['action']}/status", data={"csrf_token": token, "status": "done"}),
        page.post(
            "/self-assessment/scores",
            data={"csrf_token": token, "council": NORTHFIELD, "statement": "equity", "score": "1"},
        ),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404]
    assert viewer.get(f"/api/v1/passages/{ids['passage']}").json() == passage_before
    assert viewer.get(f"/api/v1/actions/{ids['action']}").json() == action_before


def test_a_viewer_may_read_but_not_change(app, web_library, northfield_ids):
    ids = northfield_ids
    api = api_client(app, web_library.token["viewer"])
    answer = api.post(f"/api/v1/actions/{ids['action']}/status", json={"status": "done"})
    assert answer.status_code == 403
    page = sign_in(app, "viewer")
    html = page.get(f"/actions/{ids['action']}").text
    assert 'action="/actions/' not in html  # no form offered
