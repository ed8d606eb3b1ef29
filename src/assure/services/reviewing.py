"""Evidence per quality statement, and people's corrections of it: confirm a
machine's label, reject it, or relabel the passage. A correction wins over
the machine, is kept, and is written to the audit log in the same transaction.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assure.framework import load_framework
from assure.services.caching import kept
from assure.services.errors import InvalidRequest, NotFound
from assure.services.paging import Paged, storable, window
from assure.services.scope import Role, Scope
from assure.storing import Library, StoredPassage, audit, judgements, ownership
from assure.structure import EVIDENCE_CONFIDENCE, StatementLabel

Verdict = Literal["confirm", "reject", "relabel"]
STANCES = ("strength", "improvement", "neutral")


class LabelView(BaseModel):
    statement: str
    confidence: float
    source: str  # structure | model | keywords | user
    counts: bool  # counts as evidence (a person's or the document's label, or confident enough)


class PassageView(BaseModel):
    id: int
    document_id: int
    document_title: str | None
    council: str
    page: int | None
    start_line: int
    end_line: int
    section: str | None
    text: str
    category: str | None
    stance: str | None
    labels: list[LabelView]

    @property
    def corrected(self) -> bool:
        return any(label.source == "user" for label in self.labels)


class StatementInfo(BaseModel):
    id: str
    name: str
    theme: str


def statements() -> list[StatementInfo]:
    """The framework's quality statements, in order."""
    framework = load_framework()
    found = []
    for theme in framework.themes:
        for s in theme.statements:
            found.append(StatementInfo(id=s.id, name=s.name, theme=theme.name))
    return found


def view(stored: StoredPassage) -> PassageView:
    p = stored.passage
    return PassageView(
        id=stored.id,
        document_id=stored.document_id,
        document_title=stored.document_title,
        council=stored.council,
        page=p.page,
        start_line=p.start_line,
        end_line=p.end_line,
        section=p.section,
        text=p.text,
        category=p.category,
        stance=p.stance,
        labels=[label_view(q) for q in p.qs],
    )


def label_view(q: StatementLabel) -> LabelView:
    return LabelView(statement=q.id, confidence=q.confidence, source=q.source, counts=q.counts)


def evidence(
    scope: Scope,
    library: Library,
    statement: str,
    council: str | None = None,
    suggestions: bool = True,
    offset: int = 0,
    limit: int = 50,
) -> Paged[PassageView]:
    """Passages labelled with ``statement`` in the caller's councils, most
    confident first; without ``suggestions`` only those that count as evidence."""
    known = {s.id for s in statements()}
    if statement not in known:
        raise NotFound(f"no quality statement {statement!r}")
    found: list[tuple[float, PassageView]] = []
    for name in scope.narrowed(council).require_any():
        found.extend(labelled(library, name, statement, suggestions))
    found.sort(key=lambda pair: (-pair[0], pair[1].document_id, pair[1].start_line))
    return window([v for _, v in found], offset, limit)


def labelled(
    library: Library, council: str, statement: str, suggestions: bool
) -> list[tuple[float, PassageView]]:
    """A council's passages labelled ``statement``, with the label's confidence."""

    def compute() -> list[tuple[float, PassageView]]:
        found = []
        for stored in library.passages(council):
            label = next((q for q in stored.passage.qs if q.id == statement), None)
            if label is not None and (suggestions or label.counts):
                found.append((label.confidence, view(stored)))
        return found

    return kept(library, ("labelled", council, statement, suggestions), compute)


def passage(scope: Scope, library: Library, passage_id: int) -> PassageView:
    """One passage of the caller's councils (another council's is not found)."""
    if not storable(passage_id):
        raise NotFound(f"no passage {passage_id}")
    with library.reading() as session:
        home = ownership.passage_home(session, passage_id)
    if home is None or not scope.can_read(home[1]):
        raise NotFound(f"no passage {passage_id}")
    document_id, council = home
    for stored in library.passages(council, document=document_id):
        if stored.id == passage_id:
            return view(stored)
    raise NotFound(f"no passage {passage_id}")


def correct(
    scope: Scope,
    library: Library,
    passage_id: int,
    verdict: Verdict,
    statement: str,
    relabel_to: list[str] | None = None,
    category: str | None = None,
    stance: str | None = None,
) -> PassageView:
    """Confirm ``statement`` for the passage, reject it, or relabel the passage
    with ``relabel_to``; optionally set its category and stance. Needs the
    editor role in the passage's council."""
    before = passage(scope, library, passage_id)
    scope.require(before.council, Role.EDITOR)
    known = {s.id for s in statements()}
    current = [label.statement for label in before.labels if label.counts or label.source == "user"]
    if verdict == "confirm":
        chosen = list(dict.fromkeys([statement, *current])) if statement else current
    elif verdict == "reject":
        chosen = [q for q in current if q != statement]
    elif verdict == "relabel":
        chosen = list(dict.fromkeys(relabel_to or []))
    else:
        raise InvalidRequest(f"a correction confirms, rejects or relabels, not {verdict!r}")
    unknown = [q for q in [statement, *chosen] if q and q not in known]
    if unknown:
        raise InvalidRequest(f"no quality statement {unknown[0]!r}")
    categories = [c.id for c in load_framework().evidence_categories]
    if category is not None and category not in categories:
        raise InvalidRequest(f"category is one of {', '.join(categories)}")
    if stance is not None and stance not in STANCES:
        raise InvalidRequest(f"stance is one of {', '.join(STANCES)}")
    with library.writing() as session:
        judgements.record_correction(session, passage_id, chosen, category, stance, scope.actor)
        audit.write(
            session,
            scope.actor,
            before.council,
            f"passage.{verdict}",
            f"passage {passage_id}",
            {"statements": current, "category": before.category, "stance": before.stance},
            {
                "statements": chosen,
                "category": category or before.category,
                "stance": stance or before.stance,
            },
        )
    return passage(scope, library, passage_id)


__all__ = ["EVIDENCE_CONFIDENCE", "PassageView", "correct", "evidence", "passage", "statements"]
