"""Search filters answered by the engine's own index: councils, kind, dates and
statements, kept right when labels, corrections or councils change, and the
ranking of a word that matches more passages than are ranked; on SQLite and
PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import text

from assure.storing import search as search_module
from assure.storing.database import alembic_config
from assure.structure import StatementLabel

EAST, WEST, NORTH = "Eastmoor Council", "Westvale Council", "Northholm Council"


def respite(fictional, title, kind="other", date=None, qs=(), repeat=1):
    """A document of one passage about respite care (``repeat`` times over)."""
    sentence = "Respite breaks for carers were planned with the voluntary sector."
    parsed, lines = fictional.text(
        title, {"Carers": [" ".join([sentence] * repeat)]}, kind=kind, date=date
    )
    labels = tuple(StatementLabel(s, 0.7, "model") for s in qs)
    passages = tuple(replace(p, qs=labels) for p in parsed.passages)
    return replace(parsed, passages=passages), lines


def store(library, document, council):
    parsed, lines = document
    return library.add(parsed, council, lines)


def titles(hits):
    return sorted(h.document_title for h in hits)


@pytest.fixture()
def dated(library, fictional):
    for title, kind, date in (
        ("Panel papers March", "committee_pack", "2025-03-10"),
        ("Plan refresh March", "improvement_plan", "2025-03-20"),
        ("Plan refresh May", "improvement_plan", "2025-05-02"),
        ("Undated note", "other", None),
    ):
        store(library, respite(fictional, title, kind, date), EAST)
    return library


def test_kind_and_dates_are_filtered_by_the_engine(dated):
    assert titles(dated.search("respite", [EAST], kind="committee_pack")) == ["Panel papers March"]
    # Days count within a month, and an undated document is left out.
    assert titles(dated.search("respite", [EAST], since="2025-03-15")) == [
        "Plan refresh March",
        "Plan refresh May",
    ]
    assert titles(dated.search("respite", [EAST], until="2025-03-15")) == ["Panel papers March"]
    assert titles(dated.search("respite", [EAST], since="2025-03-01", until="2025-03-31")) == [
        "Panel papers March",
        "Plan refresh March",
    ]
    assert dated.search("respite", [EAST], since="2025-06-01") == []
    assert dated.search("respite", [EAST], since="2025-05-01", until="2025-03-01") == []
    assert titles(dated.search("respite", [EAST], kind="improvement_plan", since="2025-04-01")) == [
        "Plan refresh May"
    ]


def test_the_total_counts_every_match_up_to_the_candidates_ranked(dated, monkeypatch):
    assert dated.search("respite", [EAST], limit=1).total == 4
    assert dated.search("respite", [EAST], since="2025-03-15").total == 2
    assert dated.search("respite", [WEST]).total == 0
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    found = dated.search("respite", [EAST], limit=1)
    assert len(found) == 1 and found.total == 3  # at least three


def test_a_search_finds_only_the_councils_asked_for(library, fictional):
    for council in (EAST, WEST, NORTH):
        store(library, respite(fictional, f"{council} carers"), council)
    everyone = [EAST, WEST, NORTH]
    assert len(library.search("respite", everyone)) == 3
    assert titles(library.search("respite", [EAST, WEST])) == [
        f"{EAST} carers",
        f"{WEST} carers",
    ]
    assert titles(library.search("respite", [NORTH])) == [f"{NORTH} carers"]
    assert library.search("respite", ["Nowhere Council"]) == []
    # A council's name is no search word: its scope words match only as filters.
    east_id = library.search("respite", [EAST])[0].document_id
    assert library.search(f"council{east_id}", everyone) == []


def test_a_moved_document_is_found_under_its_new_council(library, fictional):
    document = store(library, respite(fictional, "Carers plan"), EAST)
    library.add_council(WEST)
    assert document is not None and library.move_document(document, WEST, [EAST])
    assert library.search("respite", [EAST]) == []
    assert titles(library.search("respite", [WEST])) == ["Carers plan"]


def test_statement_filter_follows_corrections_and_new_labellings(library, fictional):
    document = store(library, respite(fictional, "Carers plan", qs=["partnerships"]), EAST)
    (hit,) = library.search("respite", [EAST], statement="partnerships")
    library.record_correction(hit.passage_id, [EAST], ["equity"], user="amy")
    assert library.search("respite", [EAST], statement="partnerships") == []
    assert len(library.search("respite", [EAST], statement="equity")) == 1

    other = store(library, respite(fictional, "Carers review", qs=["learning"]), EAST)
    (passage,) = [p for p in library.passages([EAST], document=other)]
    relabelled = replace(passage.passage, qs=(StatementLabel("safeguarding", 0.8, "model"),))
    library.relabel(other, {passage.id: relabelled})
    assert titles(library.search("respite", [EAST], statement="safeguarding")) == ["Carers review"]
    assert library.search("respite", [EAST], statement="learning") == []
    assert document != other


def test_a_word_matching_more_passages_than_are_ranked_is_ranked_among_the_newest(
    library, fictional, monkeypatch
):
    store(library, respite(fictional, "Oldest, saying it most", repeat=4), EAST)
    store(library, respite(fictional, "Newer"), EAST)
    store(library, respite(fictional, "Newest"), EAST)
    assert [h.document_title for h in library.search("respite", [EAST], limit=1)] == [
        "Oldest, saying it most"
    ]
    monkeypatch.setattr(search_module, "CANDIDATES", 2)
    (best,) = library.search("respite", [EAST], limit=1)
    assert best.document_title in ("Newer", "Newest")
    # A page that reaches further down ranks as many as it needs.
    assert len(library.search("respite", [EAST], limit=3)) == 3


def test_a_library_stored_before_scope_words_gets_them_when_upgraded(library, fictional):
    store(
        library,
        respite(fictional, "Carers plan", "improvement_plan", "2024-06-01", ["equity"]),
        EAST,
    )
    with library.engine.execution_options(writing=True).begin() as connection:
        command.downgrade(alembic_config(connection), "0011_draft_texts")
    with library.engine.execution_options(writing=True).begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        scope = connection.execute(text("SELECT search_scope FROM passages")).scalar_one()
    assert "aboutequity" in scope
    found = library.search(
        "respite", [EAST], statement="equity", kind="improvement_plan", since="2024-01-01"
    )
    assert titles(found) == ["Carers plan"]


def test_the_newest_matches_are_found_however_they_lie_in_a_large_library(
    library, fictional, monkeypatch
):
    """Thousands of passages, and words in all of them, in the oldest
    document's every tenth, and in the older two's every fifth: search looks
    past the newest ids for them (on PostgreSQL, window after window of id
    batches, then the rest at once)."""
    for n in range(3):
        paragraphs = [
            f"Item {i} of return {n}: home care hours"
            + (" and respite breaks" if n == 0 and i % 10 == 0 else "")
            + (" for carers" if n < 2 and i % 5 == 0 else "")
            + "."
            for i in range(1200)
        ]
        store(library, fictional.text(f"Return {n}", {"Hours": paragraphs}), EAST)
    library.refresh_statistics()
    stored = sorted(((p.id, p.passage.text) for p in library.passages([EAST])), reverse=True)
    monkeypatch.setattr(search_module, "CANDIDATES", 150)
    for word in ("hours", "respite", "carers"):
        matching = [pid for pid, text in stored if f" {word}" in text]
        found = library.search(word, [EAST], limit=150)
        assert {h.passage_id for h in found} == set(matching[:150]), word
        assert found.total == min(len(matching), 150)
    # Phrases and words that must all match, looked for the same way: a
    # phrase's words in order, not merely all there.
    for query, wanted in (
        ('"respite breaks"', ("respite breaks",)),
        ('"breaks respite"', ("breaks respite",)),
        ('"carers" "home care"', (" carers", "home care")),
        ("respite carers", (" respite", " carers")),
    ):
        matching = [pid for pid, text in stored if all(w in text for w in wanted)]
        found = library.search(query, [EAST], limit=150)
        assert {h.passage_id for h in found} == set(matching[:150]), query
        assert found.total == min(len(matching), 150)


def test_sqlite_ranks_by_density_alike_in_one_walk_or_two(library, fictional, monkeypatch):
    """Where bm25 would cost too much, SQLite finds, marks and ranks the newest
    candidates in one walk of the index: the same hits, ranks, snippets and
    totals as finding them first and marking them from the floor up, a page
    past the last candidate included."""
    from assure.storing import search_sqlite

    if library.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's search")
    for n in range(2):
        paragraphs = [
            f"Item {i} of return {n}: home care hours"
            + (" and respite breaks for carers" * (1 + i % 3) if i % 4 == 0 else "")
            + "."
            for i in range(400)
        ]
        store(library, fictional.text(f"Return {n}", {"Hours": paragraphs}), EAST)
    monkeypatch.setattr(search_module, "CANDIDATES", 150)

    def searched() -> list[tuple[object, ...]]:
        found = []
        for query in ("respite", '"home care" carers', "hours"):
            for offset in (0, 140, 150, 400):
                hits = library.search(query, [EAST], limit=20, offset=offset)
                found.append((hits.total, [(h.passage_id, h.rank, h.snippet) for h in hits]))
        return found

    monkeypatch.setattr(search_sqlite, "IDF_BUDGET", -1)  # bm25 always costly: one walk
    one_walk = searched()
    monkeypatch.setattr(search_sqlite, "IDF_BUDGET", 10**12)
    monkeypatch.setattr(search_sqlite, "FEW", 10**6)  # every match few: two walks
    assert searched() == one_walk
    # "respite": 200 matches; the candidates reach as far as the page does.
    assert [total for total, _ in one_walk[:4]] == [150, 160, 170, 200]
    assert len(one_walk[0][1]) == 20 and one_walk[3] == (200, [])
