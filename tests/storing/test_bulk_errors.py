"""A document stored twice at once by two processes: the second one's insert
fails on the unique content hash, and storage reports it as SQLAlchemy's
IntegrityError (which ``Library.add`` answers by looking again), whether the
rows went by the driver's executemany or by PostgreSQL's COPY."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from assure.pipeline import process
from assure.storing.councils import ensure_council
from assure.storing.writing import store_document


def test_the_same_content_stored_twice_is_an_integrity_error(library, examples) -> None:
    parsed = process(examples / "northfield-asc-self-assessment-2024.txt")
    assert library.add(parsed, "Northfield Borough Council", parsed.source_lines) is not None
    # What the second of two racing processes does after both found no copy.
    with pytest.raises(IntegrityError), library.writing() as session:
        council = ensure_council(session, "Northfield Borough Council")
        store_document(session, parsed, council, parsed.source_lines)
    assert len(library.documents(["Northfield Borough Council"])) == 1
    # And through the front door, the second add is told the content is there.
    assert library.add(parsed, "Northfield Borough Council", parsed.source_lines) is None
