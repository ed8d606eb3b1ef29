"""The self-assessment workspace and overview, on ``assessment``'s services:
the evidence heatmap with its flags, the council's own scores and the rating
they simulate beside the published ratings of all councils, the draft with
people's own wording per statement, and the exports a council uses.

The gap matrix and the draft take a while to build, so they are kept (per
process) until what is stored changes (``caching``)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from pydantic import BaseModel

from assure.analysis.draft_document import Draft, DraftSection, Sentence, StatementDraft, ThemeDraft
from assure.analysis.gaps import GapMatrix
from assure.framework import load_framework, score_statements
from assure.services import assessment
from assure.services.application import Application
from assure.services.audit import note
from assure.services.caching import kept
from assure.services.errors import InvalidRequest
from assure.services.listing import plain_text
from assure.services.scope import Role, Scope

RATING_WORDS = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}
MAX_DRAFT = 50_000
Export = tuple[str, bytes]  # a file's name and content


class CellView(BaseModel):
    strengths: int
    improvements: int
    neutral: int
    total: int


class StatementRow(BaseModel):
    id: str
    name: str
    theme: str
    cells: dict[str, CellView]  # category id -> counts
    total: int
    flags: list[str]
    self_score: int | None
    rationale: str | None
    evidence: list[int]


class PublishedRating(BaseModel):
    authority: str
    rating: str
    percent: int | None


class Overview(BaseModel):
    council: str
    categories: dict[str, str]  # id -> name, in the framework's order
    statements: list[StatementRow]
    percent: int | None
    rating: str | None
    position: str | None
    note: str
    flags: int
    unassigned: int
    published: list[PublishedRating]


class DraftStatement(BaseModel):
    id: str
    name: str
    theme: str
    drafted: str  # the drafted sentences, citations as [n]
    own: str | None  # a person's own wording, which the exports use instead
    gap: str | None


def council_of(scope: Scope, council: str | None) -> str:
    """The council named, or the caller's first; refused outside the scope."""
    return scope.require(council or scope.require_any()[0])


def gap_matrix(app: Application, scope: Scope, council: str) -> GapMatrix:
    one = scope.narrowed(council)
    return kept(
        app.library, ("gaps", council, date.today()), partial(assessment.gaps, app, one, council)
    )


def built_draft(app: Application, scope: Scope, council: str) -> Draft:
    one = scope.narrowed(council)
    return kept(
        app.library, ("draft", council, date.today()), partial(assessment.draft, app, one, council)
    )


def overview(app: Application, scope: Scope, council: str | None = None) -> Overview:
    """Evidence per statement and category with flags, self-scores and the
    rating they simulate, beside the published ratings (where a file is set)."""
    name = council_of(scope, council)
    matrix = gap_matrix(app, scope, name)
    scores = assessment.self_scores(app, scope.narrowed(name), name)
    latest = {s.statement: s for s in scores.scores}
    rows = []
    for theme in matrix.framework.themes:
        for s in theme.statements:
            score = latest.get(s.id)
            rows.append(
                StatementRow(
                    id=s.id,
                    name=s.name,
                    theme=theme.name,
                    cells={c: cell_view(matrix, s.id, c) for c in matrix.categories},
                    total=matrix.total(s.id),
                    flags=[f.message for f in matrix.flags_for(s.id)],
                    self_score=score.score if score else None,
                    rationale=score.rationale if score else None,
                    evidence=score.evidence if score else [],
                )
            )
    return Overview(
        council=name,
        categories={c: matrix.category_name(c) for c in matrix.categories},
        statements=rows,
        percent=scores.percent,
        rating=scores.rating,
        position=scores.position,
        note=scores.note,
        flags=len(matrix.flags),
        unassigned=matrix.unassigned,
        published=published_ratings(app.settings.ratings_csv),
    )


def cell_view(matrix: GapMatrix, statement: str, category: str) -> CellView:
    cell = matrix.cell(statement, category)
    return CellView(
        strengths=cell.strengths,
        improvements=cell.improvements,
        neutral=cell.neutral,
        total=cell.total,
    )


def published_ratings(path: str | None) -> list[PublishedRating]:
    """Published outcomes (authority, overall, qs1..qs9 as rating words), with
    the percentage the scoring rule gives their statement scores."""
    if not path or not Path(path).is_file():
        return []
    found = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words = [(row.get(f"qs{n}") or "").strip().lower() for n in range(1, 10)]
            scores = [RATING_WORDS[w] for w in words if w in RATING_WORDS]
            percent = score_statements(scores).percent if len(scores) == len(words) else None
            found.append(
                PublishedRating(
                    authority=(row.get("authority") or "").strip(),
                    rating=(row.get("overall") or "").strip(),
                    percent=percent,
                )
            )
    return found


def draft_statements(
    app: Application, scope: Scope, council: str | None = None
) -> list[DraftStatement]:
    """Each statement's drafted text (citations as [n]) and its own wording."""
    name = council_of(scope, council)
    own = own_wording(app, name)
    found = []
    for theme in built_draft(app, scope, name).themes:
        for s in theme.statements:
            text = "\n\n".join(
                " ".join(
                    sentence.text + "".join(f" [{n}]" for n in sentence.citations)
                    for sentence in section.sentences
                )
                for section in s.sections
                if section.sentences and section.kind != "own"
            )
            found.append(
                DraftStatement(
                    id=s.id,
                    name=s.name,
                    theme=theme.name,
                    drafted=text,
                    own=own.get(s.id),
                    gap=s.gap,
                )
            )
    return found


def own_wording(app: Application, council: str) -> dict[str, str]:
    return app.library.draft_texts(council)


def set_own_wording(
    app: Application, scope: Scope, council: str, statement: str, text: str
) -> DraftStatement:
    """Keep a person's own wording of one statement's draft (editor role),
    audited in the same transaction."""
    scope.require(council, Role.EDITOR)
    if statement not in {s.id for s in load_framework().statements}:
        raise InvalidRequest(f"unknown quality statement {statement!r}")
    if len(text) > MAX_DRAFT:
        raise InvalidRequest(f"a statement's draft is at most {MAX_DRAFT:,} characters")
    text = plain_text(text, "the draft")
    change = note(scope, council, "edit draft", statement, after={"text": text})
    app.library.set_draft_text(council, statement, text, change)
    return next(s for s in draft_statements(app, scope, council) if s.id == statement)


def draft_with_own_wording(app: Application, scope: Scope, council: str | None) -> Draft:
    """The draft with each statement a person reworded given in their words."""
    name = council_of(scope, council)
    own = own_wording(app, name)

    def statement(s: StatementDraft) -> StatementDraft:
        text = own.get(s.id)
        if not text:
            return s
        paragraphs = tuple(Sentence(p.strip(), ()) for p in text.split("\n\n") if p.strip())
        return replace(s, sections=(DraftSection("own", "Our assessment", paragraphs),), gap=None)

    drafted = built_draft(app, scope, name)
    themes = tuple(
        ThemeDraft(t.id, t.name, tuple(statement(s) for s in t.statements)) for t in drafted.themes
    )
    return replace(drafted, themes=themes)


def export_draft(app: Application, scope: Scope, council: str | None, form: str) -> Export:
    """The draft as ``docx`` or ``html``: its file name and bytes."""
    drafted = draft_with_own_wording(app, scope, council)
    if form == "html":
        from assure.exporting.html import render_html

        return "self-assessment-draft.html", render_html(drafted).encode("utf-8")
    if form == "docx":
        from assure.exporting.docx import write_docx

        return written(partial(write_docx, drafted), "self-assessment-draft.docx")
    raise InvalidRequest(f"the draft exports as docx or html, not {form!r}")


def export_gaps(app: Application, scope: Scope, council: str | None, form: str) -> Export:
    """The gap list as ``csv`` or ``xlsx``: its file name and bytes."""
    matrix = gap_matrix(app, scope, council_of(scope, council))
    if form == "csv":
        from assure.exporting.csvfile import render_csv

        return "gaps.csv", render_csv(matrix).encode("utf-8")
    if form == "xlsx":
        from assure.exporting.xlsx import write_xlsx

        return written(partial(write_xlsx, matrix), "gaps.xlsx")
    raise InvalidRequest(f"the gap list exports as csv or xlsx, not {form!r}")


def written(write: Callable[[Path], Path], name: str) -> Export:
    """What an exporter that writes files writes, as a file name and bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / name)
        return path.name, path.read_bytes()
