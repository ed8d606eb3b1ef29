"""Reviewing evidence as a person does on the evidence page: confirm a
statement the machine suggested, reject it, or relabel the passage. Each is
one correction through ``evidence.correct_passage`` (which checks the role
and writes the audit log in the correction's own transaction)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assure.framework import load_framework
from assure.services.application import Application
from assure.services.errors import InvalidRequest, NotFound
from assure.services.evidence import Correction, correct_passage, get_passage
from assure.services.listing import storable
from assure.services.scope import Scope

Verdict = Literal["confirm", "reject", "relabel"]


class StatementInfo(BaseModel):
    id: str
    name: str
    theme: str


def statements() -> list[StatementInfo]:
    """The framework's quality statements, in its order, with their themes."""
    framework = load_framework()
    return [
        StatementInfo(id=s.id, name=s.name, theme=theme.name)
        for theme in framework.themes
        for s in theme.statements
    ]


def review(
    app: Application,
    scope: Scope,
    passage_id: int,
    verdict: Verdict,
    statement: str = "",
    relabel_to: list[str] | None = None,
    category: str | None = None,
    stance: str | None = None,
) -> Correction:
    """Confirm ``statement`` for a passage (keeping the others that count),
    reject it, or relabel the passage with ``relabel_to``."""
    if not storable(passage_id):
        raise NotFound(f"no passage {passage_id}")
    current = [q.id for q in get_passage(app, scope, passage_id).qs if q.counts]
    if verdict == "confirm":
        chosen = list(dict.fromkeys([statement, *current])) if statement else current
    elif verdict == "reject":
        chosen = [q for q in current if q != statement]
    elif verdict == "relabel":
        chosen = list(dict.fromkeys(relabel_to or []))
    else:
        raise InvalidRequest(f"a review confirms, rejects or relabels, not {verdict!r}")
    if verdict != "relabel" and not statement:
        raise InvalidRequest(f"say which statement to {verdict}")
    return correct_passage(app, scope, passage_id, chosen, category, stance)
