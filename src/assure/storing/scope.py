"""Search scope: words that put a passage's filters into the full-text index.

Every passage carries ``search_scope``, a few made-up words naming its
council, the kind and date of its document and the quality statements it is
about, e.g. ``council3 kindcommitteepack year2025 half20251 quarter20251
month202503 aboutsafeguarding``. The engines index them beside the text (an FTS5 column
of their own on SQLite; a second column of the GIN index on PostgreSQL), so a
search in one council, of one kind, from a date or about a statement is
answered by the index itself, never by scoring passages the caller cannot
see or did not ask for.

A passage is about a statement when a person labelled it so, or, where no
person has corrected it, when the machine or the document's structure did
(as ``Library.search`` has always filtered). Whatever changes one of these
(a correction, a new labelling, a document moved to another council) calls
``refresh_scopes`` in the same transaction.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assure.storing import models as m

NOT_A_LETTER = re.compile(r"[^a-z0-9]")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def scope_words(council_id: int, kind: str, date: str | None, statements: Iterable[str]) -> str:
    """The scope words of a passage.

    >>> scope_words(3, "committee_pack", "2025-03-11", ["safeguarding"])
    'council3 kindcommitteepack year2025 half20251 quarter20251 month202503 aboutsafeguarding'
    """
    return scope_line(council_id, kind, date, tuple(dict.fromkeys(statements)))


@functools.lru_cache(maxsize=1024)
def scope_line(council_id: int, kind: str, date: str | None, statements: tuple[str, ...]) -> str:
    """``scope_words``, kept: a document's passages share all but their
    statements, and few sets of statements recur."""
    words = [council_word(council_id), kind_word(kind)]
    month = ISO_MONTH.match(date or "")
    if month and 1 <= int(month[2]) <= 12:
        words += period_words(int(month[1]), int(month[2]))
    words += [statement_word(s) for s in statements]
    return " ".join(words)


def council_word(council_id: int) -> str:
    return f"council{council_id}"


def kind_word(kind: str) -> str:
    return "kind" + NOT_A_LETTER.sub("", kind.lower())


def statement_word(statement: str) -> str:
    return "about" + NOT_A_LETTER.sub("", statement.lower())


def period_words(year: int, month: int) -> list[str]:
    """The words of a month and the quarter, half and year it is in.

    >>> period_words(2025, 3)
    ['year2025', 'half20251', 'quarter20251', 'month202503']
    """
    return [
        f"year{year}",
        f"half{year}{(month - 1) // 6 + 1}",
        f"quarter{year}{(month - 1) // 3 + 1}",
        f"month{year}{month:02d}",
    ]


# Periods by length in months, longest first: a word names one starting at
# a month that is a multiple of its length after January.
PERIODS = ((12, 0), (6, 1), (3, 2), (1, 3))  # (months, index in period_words)


def date_words(since: str | None, until: str | None, first: str, last: str) -> list[str]:
    """Scope words of which a passage dated from ``since`` to ``until`` (ISO
    days, either open) has one: the fewest years, halves, quarters and months
    that cover the months from ``since`` to ``until`` (few words make a fast
    query). ``first`` and ``last`` are the earliest and latest dates stored,
    which close an open bound. Days within the bounding months are for the
    caller to check.

    >>> date_words("2024-11-15", "2026-08-01", "2019-01-01", "2026-12-31")
    ['month202411', 'month202412', 'year2025', 'half20261', 'month202607', 'month202608']
    """
    low, high = ISO_MONTH.match(since or first), ISO_MONTH.match(until or last)
    if low is None or high is None:
        return []
    at = int(low[1]) * 12 + int(low[2]) - 1  # months since year 0
    end = int(high[1]) * 12 + int(high[2]) - 1
    words: list[str] = []
    while at <= end:
        for length, index in PERIODS:
            if at % length == 0 and at + length - 1 <= end:
                words.append(period_words(at // 12, at % 12 + 1)[index])
                at += length
                break
    return words


def whole_months(since: str | None, until: str | None) -> bool:
    """Whether the bounds fall on month boundaries, so the month words alone
    decide (no day needs checking)."""
    if since and not since.endswith("-01"):
        return False
    if until:
        found = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", until)
        if not found:
            return False
        year, month, day = (int(x) for x in found.groups())
        return 1 <= month <= 12 and day == calendar.monthrange(year, month)[1]
    return True


def refresh_scopes(
    session: Session, passage_ids: Sequence[int] = (), document_id: int | None = None
) -> None:
    """Recompute the scope words of the passages given (or of one document's
    passages) from what is stored now, and write those that changed."""
    stmt = select(
        m.PassageRow.id, m.PassageRow.search_scope, m.Document.council_id, m.Document.kind,
        m.Document.date,
    ).join(m.Document, m.Document.id == m.PassageRow.document_id)  # fmt: skip
    if document_id is not None:
        stmt = stmt.where(m.PassageRow.document_id == document_id)
    elif passage_ids:
        stmt = stmt.where(m.PassageRow.id.in_(list(passage_ids)))
    else:
        return
    rows = session.execute(stmt).all()
    about = statements_of(session, [r[0] for r in rows])
    changed = [
        {"id": pid, "search_scope": words}
        for pid, old, council_id, kind, date in rows
        if (words := scope_words(council_id, kind, date, about.get(pid, ()))) != old
    ]
    if changed:
        session.execute(update(m.PassageRow), changed)


def statements_of(session: Session, passage_ids: Sequence[int]) -> dict[int, list[str]]:
    """The statements each passage is about: its people's labels where a
    person corrected it, else every label it has."""
    labels: dict[int, list[tuple[str, str]]] = defaultdict(list)
    corrected: set[int] = set()
    for start in range(0, len(passage_ids), 900):  # under SQLite's variable limit
        chunk = list(passage_ids[start : start + 900])
        for pid, qs, source in session.execute(
            select(m.PassageLabel.passage_id, m.PassageLabel.qs, m.PassageLabel.source)
            .where(m.PassageLabel.passage_id.in_(chunk))
            .order_by(m.PassageLabel.id)
        ):
            labels[pid].append((qs, source))
        corrected.update(
            session.scalars(
                select(m.Correction.passage_id).where(m.Correction.passage_id.in_(chunk))
            )
        )
    return {
        pid: [qs for qs, source in found if pid not in corrected or source == "user"]
        for pid, found in labels.items()
    }
