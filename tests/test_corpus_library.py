"""The real corpus through the library as a user would: ingest, search, list what it holds."""

from __future__ import annotations

import json

import pytest


@pytest.mark.slow
def test_ingest_the_corpus_then_find_direct_payments_with_document_and_line(run, corpus):
    result = run("ingest", str(corpus), "--council", "Corpus Council")
    assert result.exit_code == 0, result.output
    # every file the walk meets: text, PDF, Word, Excel and the folder's Markdown notes
    documents = [path for path in corpus.rglob("*") if path.is_file()]

    hits = json.loads(run("search", "direct payments", "--json").stdout)
    assert hits, "no hits for direct payments"
    best = [hit["snippet"].replace("*", "").lower() for hit in hits[:5]]
    assert all("direct payment" in snippet for snippet in best), best
    for hit in hits:
        assert hit["start_line"] >= 1 and hit["document"]

    again = run("ingest", str(corpus), "--council", "Corpus Council")
    assert again.exit_code == 0
    assert f"0 stored, {len(documents)} already stored" in again.stdout

    meetings = json.loads(run("meetings", "--json").stdout)
    assert {m["meeting"]["date"] for m in meetings} >= {"2018-11-09", "2018-09-10"}
