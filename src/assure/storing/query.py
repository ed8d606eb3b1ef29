"""What a search asks, in the terms both engines' search modules share: the
query cut into words and phrases, the filters, the filters as scope words,
and what comes back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
CHUNK = re.compile(r'"([^"]*)"?|([^"\s]+)')
WORD = re.compile(r"\w+")
MARK = "**"  # around matched words in snippets
SNIPPET_WORDS = 24


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a phrase whose words must appear together in order."""

    words: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1


def parse_query(query: str) -> list[Term]:
    """Words and quoted phrases of ``query``; punctuation splits words as the
    index does (``"home-care"`` is the phrase ``home care``).

    >>> [t.words for t in parse_query('carers "direct payments" £21,000')]
    [('carers',), ('direct', 'payments'), ('21', '000')]
    """
    terms: list[Term] = []
    for match in CHUNK.finditer(query.translate(QUOTES)):
        words = tuple(
            WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        )
        if words and Term(words) not in terms:
            terms.append(Term(words))
    return terms


@dataclass(frozen=True, slots=True)
class Filters:
    """Where to look: the councils (ids; the library's other councils beside
    them, so that whichever list is shorter is named, and none when the
    caller sees them all), and optionally one document, statement, kind of
    document, and dates (ISO days, either bound open)."""

    councils: tuple[int, ...]
    other_councils: tuple[int, ...] = ()
    document: int | None = None
    statement: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """A search's filters as the engines take them: scope-word groups (each a
    list of alternatives; a passage needs one of every group), groups it must
    have none of, and conditions on the passage's document."""

    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[tuple[str, ...], ...]
    document: int | None
    outside_days: tuple[int, ...]  # documents of the bounding months, dated outside
    nothing: bool = False  # the filters rule out every passage


@dataclass(frozen=True, slots=True)
class RawHit:
    passage_id: int
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class Found:
    """A page of hits, and how many passages match: exact below ``at_most``,
    else at least ``at_most`` (the candidates ranked; counting further would
    cost what ranking saves)."""

    hits: list[RawHit]
    total: int


def execute(session: Session, sql: str, params: dict[str, Any]) -> Any:
    """``sql`` with ``params``, a list standing for ``IN`` values."""
    statement = text(sql)
    for name, value in params.items():
        if isinstance(value, list) and f":{name}" in sql:
            statement = statement.bindparams(bindparam(name, expanding=True))
    return session.execute(statement, params)
