"""SQLite's full-text index holds exactly the stored passages: a document's
passages are indexed as it is stored (in one statement, not by a trigger per
row), and corrections, relabelling, moves and deletes keep the index in step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from assure.structure import StatementLabel

EAST, WEST = "Eastmoor Council", "Westvale Council"


def check_index(library) -> None:
    """FTS5's own check of an external-content index against its table
    (``rank`` 1: every row of ``passages`` tokenised again and compared);
    a difference raises."""
    with library.writing() as session:
        session.execute(
            text("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
        )


def store(library, fictional, title, paragraphs, council=EAST):
    parsed, lines = fictional.text(title, {"Carers": paragraphs})
    return library.add(parsed, council, lines)


def test_the_index_follows_every_change_to_the_passages(library, fictional):
    if library.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL indexes its generated column itself")
    first = store(library, fictional, "Carers plan", ["Respite breaks were planned.", "Home care."])
    second = store(library, fictional, "Carers review", ["Respite at weekends.", "Day centres."])
    assert first is not None and second is not None
    check_index(library)
    assert len(library.search("respite", [EAST])) == 2

    passages = list(library.passages([EAST], document=second))
    library.record_correction(passages[0].id, [EAST], ["equity"], user="amy")
    relabelled = replace(passages[1].passage, qs=(StatementLabel("safeguarding", 0.8, "model"),))
    library.relabel(second, {passages[1].id: relabelled})
    assert library.move_document(first, WEST, [EAST])
    check_index(library)
    assert [h.document_id for h in library.search("respite", [WEST])] == [first]

    library.delete_document(second, [EAST])
    check_index(library)
    assert library.search("respite", [EAST]) == []
    # A document stored after others is indexed from its own first passage.
    third = store(library, fictional, "Carers update", ["Respite again.", "Respite still."])
    assert {h.document_id for h in library.search("respite", [EAST])} == {third}
    check_index(library)
