"""Evidence per quality statement: the passages behind it, with their labels and
confidence, and people's corrections of those labels."""

from __future__ import annotations

from itertools import islice

from pydantic import BaseModel, Field

from assure.classifying.labelled import CATEGORIES, STANCES
from assure.framework import load_framework
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest, NotFound
from assure.services.paging import Page, check_window
from assure.services.scope import Role, Scope
from assure.services.search import Label, check_statement, label
from assure.storing import StoredPassage
from assure.structure import EVIDENCE_CONFIDENCE


class PassageView(BaseModel):
    """A stored passage with where it is and what it was labelled."""

    id: int
    document_id: int
    document: str | None
    council: str
    page: int | None
    start_line: int
    end_line: int
    section: str | None
    text: str
    qs: list[Label]
    category: str | None
    stance: str | None
    corrected: bool = Field(description="Whether a person has set its labels.")


class Correction(BaseModel):
    passage: PassageView
    before: list[str] = Field(description="The statements it counted for before.")


def passage_view(p: StoredPassage) -> PassageView:
    x = p.passage
    return PassageView(
        id=p.id,
        document_id=p.document_id,
        document=p.document_title,
        council=p.council,
        page=x.page,
        start_line=x.start_line,
        end_line=x.end_line,
        section=x.section,
        text=x.text,
        qs=[label(q) for q in x.qs],
        category=x.category,
        stance=x.stance,
        corrected=any(q.source == "user" for q in x.qs),
    )


def evidence_for(
    app: Application,
    scope: Scope,
    statement: str,
    council: str | None = None,
    suggestions: bool = False,
    limit: int | None = 50,
    offset: int = 0,
) -> Page[PassageView]:
    """The passages that count as evidence for ``statement`` (with
    ``suggestions``, also the machine's labels below the evidence bar, for a
    person to confirm or reject), in document order."""
    check_window(limit, offset)
    check_statement(statement)
    councils = scope.narrowed(council).require_any()
    bar = 0.0 if suggestions else EVIDENCE_CONFIDENCE
    found = app.library.passages(councils, statement=statement, min_confidence=bar)
    items: list[PassageView] = []
    total = 0
    for stored in found:
        if offset <= total and (limit is None or len(items) < limit):
            items.append(passage_view(stored))
        total += 1
    return Page[PassageView](items=items, total=total, limit=limit, offset=offset)


def get_passage(app: Application, scope: Scope, passage_id: int) -> PassageView:
    found = list(islice(app.library.passages(scope.require_any(), ids=[passage_id]), 1))
    if not found:
        raise NotFound(f"no passage {passage_id}")
    return passage_view(found[0])


def correct_passage(
    app: Application,
    scope: Scope,
    passage_id: int,
    qs: list[str],
    category: str | None = None,
    stance: str | None = None,
) -> Correction:
    """Set a passage's statements (none is a valid answer), and optionally its
    category and stance; a person's labels win over the machine's from now on.
    Needs the editor role in the passage's council."""
    known = [s.id for s in load_framework().statements]
    unknown = [q for q in qs if q not in known]
    if unknown:
        raise InvalidRequest(
            f"unknown quality statement {unknown[0]!r} (one of: {', '.join(known)})"
        )
    if category is not None and category not in CATEGORIES:
        raise InvalidRequest(f"unknown category {category!r} (one of: {', '.join(CATEGORIES)})")
    if stance is not None and stance not in STANCES:
        raise InvalidRequest(f"unknown stance {stance!r} (one of: {', '.join(STANCES)})")
    current = get_passage(app, scope, passage_id)
    scope.require(current.council, Role.EDITOR)
    before = [q.id for q in current.qs if q.counts]
    change = note(
        scope,
        current.council,
        "correct passage",
        f"passage {passage_id}",
        before={"qs": before, "category": current.category, "stance": current.stance},
        after={"qs": list(qs), "category": category, "stance": stance},
    )
    recorded = app.library.record_correction(
        passage_id, [current.council], qs, category, stance, scope.user, change
    )
    if recorded is None:
        raise NotFound(f"no passage {passage_id}")
    return Correction(passage=get_passage(app, scope, passage_id), before=before)
