"""A change named for one council never lands on another's document,
passage or action, from the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES

PACK = EXAMPLES / "northfield-adults-scrutiny-pack-2025-03.txt"
REPORT = (
    "# Eastmoor carers report\n\n## Support for carers\n\n"
    "Eastmoor carers told the council that direct payments helped them most this year.\n"
)


@pytest.fixture()
def two_councils(run, tmp_path):
    """Westvale holds the scrutiny pack, Eastmoor a short report; Westvale's ids."""
    report = tmp_path / "eastmoor.md"
    report.write_text(REPORT, encoding="utf-8")
    assert run("ingest", str(PACK), "--council", "Westvale Council").exit_code == 0
    assert run("ingest", str(report), "--council", "Eastmoor Council").exit_code == 0
    westvale = ("--council", "Westvale Council")
    hits = json.loads(run("search", "direct payments", "--json", *westvale).stdout)
    actions = json.loads(run("actions", "--json", *westvale).stdout)
    documents = json.loads(run("documents", "--json", *westvale).stdout)
    return {"passage": hits[0]["passage_id"], "action": actions[0], "document": documents[0]}


def test_label_refuses_a_passage_of_another_council(run, two_councils):
    passage = str(two_councils["passage"])
    before = json.loads(
        run("search", "direct payments", "--json", "--council", "Westvale Council").stdout
    )

    refused = run("label", passage, "--qs", "equity", "--council", "Eastmoor Council")

    assert refused.exit_code != 0
    assert refused.stderr.strip() == f"error: no passage {passage}"
    after = json.loads(
        run("search", "direct payments", "--json", "--council", "Westvale Council").stdout
    )
    assert after == before
    done = run("label", passage, "--qs", "equity", "--council", "Westvale Council")
    assert done.exit_code == 0


def test_delete_and_move_refuse_a_document_of_another_council(run, two_councils):
    document = str(two_councils["document"]["id"])
    for args in (("delete", document), ("forget", document)):
        refused = run(*args, "--council", "Eastmoor Council")
        assert refused.exit_code != 0 and refused.stderr.startswith("error: ")
    listed = json.loads(run("documents", "--json", "--council", "Westvale Council").stdout)
    assert [d["id"] for d in listed] == [two_councils["document"]["id"]]


def test_an_action_update_is_refused_outside_the_council_set(run, two_councils, monkeypatch):
    key = two_councils["action"]["id"]
    monkeypatch.setenv("ASSURE_COUNCIL", "Eastmoor Council")
    refused = run("action", key, "done")
    assert refused.exit_code != 0 and refused.stderr.startswith("error: ")
    monkeypatch.delenv("ASSURE_COUNCIL")
    [action] = [
        a
        for a in json.loads(run("actions", "--json", "--council", "Westvale Council").stdout)
        if a["id"] == key
    ]
    assert action == two_councils["action"]
