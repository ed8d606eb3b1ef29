"""A council's self-assessment: the evidence heatmap and its gaps, the
council's own scores with the rating they simulate, the draft (with people's
own wording) and its exports, and the published ratings of all councils."""

from __future__ import annotations

import csv
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from assure.analysis.draft import build_draft
from assure.analysis.draft_document import Draft, DraftSection, Sentence, StatementDraft, ThemeDraft
from assure.analysis.evidence import EvidenceBase
from assure.analysis.gaps import GapMatrix, gap_matrix
from assure.analysis.queries import load_evidence, unknown_passages
from assure.analysis.self_scores import StatementScore, check_score, position, summarise
from assure.framework import load_framework, score_statements
from assure.services.caching import kept
from assure.services.errors import InvalidRequest
from assure.services.paging import plain_text
from assure.services.scope import Role, Scope
from assure.storing import Library, audit, drafting, judgements
from assure.storing.library import ensure_council, find_council

RATING_WORDS = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}


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


class ScoreView(BaseModel):
    percent: int
    rating: str
    total: int
    maximum: int
    band_low: int
    band_high: int
    position: str


class PublishedRating(BaseModel):
    authority: str
    rating: str
    percent: int | None


class Overview(BaseModel):
    council: str
    categories: dict[str, str]  # id -> name, in the framework's order
    statements: list[StatementRow]
    simulated: ScoreView | None
    unscored: list[str]
    flags: int
    unassigned: int
    published: list[PublishedRating]


class DraftStatement(BaseModel):
    id: str
    name: str
    theme: str
    drafted: str  # the drafted sentences, citations as [n]
    own: str | None  # a person's own wording, which exports use instead
    gap: str | None


def council_of(scope: Scope, council: str | None) -> str:
    """The council asked for, or the caller's only (or first) one."""
    return council if council else scope.require_any()[0]


def evidence_base(library: Library, council: str) -> EvidenceBase:
    return kept(library, ("evidence", council), lambda: load_evidence(library, council))


def matrix_for(library: Library, council: str) -> GapMatrix:
    def compute() -> GapMatrix:
        days = library.settings.evidence_max_age_days
        base = evidence_base(library, council)
        return gap_matrix(base, today=date.today(), max_age_days=days)

    return kept(library, ("gaps", council, date.today()), compute)


def drafted(library: Library, council: str, with_scores: bool) -> Draft:
    """The draft built from the evidence (and, ``with_scores``, the self-scores)."""

    def compute() -> Draft:
        scores = (
            {r.statement: (r.score, r.rationale) for r in library.self_scores(council)}
            if with_scores
            else None
        )
        return build_draft(evidence_base(library, council), council=council, self_scores=scores)

    return kept(library, ("draft", council, with_scores, date.today()), compute)


def score_view(scores: list[int]) -> ScoreView | None:
    if not scores:
        return None
    s = score_statements(scores)
    return ScoreView(
        percent=s.percent,
        rating=s.rating,
        total=s.total,
        maximum=s.maximum,
        band_low=s.band_low,
        band_high=s.band_high,
        position=position(s),
    )


def overview(scope: Scope, library: Library, council: str | None = None) -> Overview:
    """Evidence per statement and category, flags, self-scores and the rating
    they simulate, beside the published ratings (where a file of them is set)."""
    name = scope.require(council_of(scope, council))
    matrix = matrix_for(library, name)
    latest = {r.statement: r for r in library.self_scores(name)}
    summary = summarise(
        StatementScore(r.statement, r.score) for r in sorted(latest.values(), key=lambda r: r.id)
    )
    rows = []
    for theme in matrix.framework.themes:
        for s in theme.statements:
            cells = {
                c: CellView(
                    strengths=(cell := matrix.cell(s.id, c)).strengths,
                    improvements=cell.improvements,
                    neutral=cell.neutral,
                    total=cell.total,
                )
                for c in matrix.categories
            }
            score = latest.get(s.id)
            rows.append(
                StatementRow(
                    id=s.id,
                    name=s.name,
                    theme=theme.name,
                    cells=cells,
                    total=matrix.total(s.id),
                    flags=[f.message for f in matrix.flags_for(s.id)],
                    self_score=score.score if score else None,
                    rationale=score.rationale if score else None,
                    evidence=list(score.passage_ids) if score else [],
                )
            )
    categories = {c: matrix.category_name(c) for c in matrix.categories}
    return Overview(
        council=name,
        categories=categories,
        statements=rows,
        simulated=score_view([s.score for s in summary.statements]),
        unscored=list(summary.unscored),
        flags=len(matrix.flags),
        unassigned=matrix.unassigned,
        published=published_ratings(library.settings.ratings_csv),
    )


def published_ratings(path: str | None) -> list[PublishedRating]:
    """Published outcomes (authority, overall, qs1..qs9 as rating words), with
    the percentage the scoring rule gives their statement scores."""
    if not path or not Path(path).is_file():
        return []
    found = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words = [row.get(f"qs{n}", "").strip().lower() for n in range(1, 10)]
            scores = [RATING_WORDS[w] for w in words if w in RATING_WORDS]
            percent = score_statements(scores).percent if len(scores) == len(words) else None
            found.append(
                PublishedRating(
                    authority=row.get("authority", "").strip(),
                    rating=row.get("overall", "").strip(),
                    percent=percent,
                )
            )
    return found


def set_self_score(
    scope: Scope,
    library: Library,
    council: str,
    statement: str,
    score: int,
    rationale: str,
    evidence: list[int] | None = None,
) -> Overview:
    """Record the council's own score for a statement (editor role), with its
    rationale and chosen evidence passages (of the same council). Audited."""
    scope.require(council, Role.EDITOR)
    try:
        check_score(statement, score)
    except ValueError as error:
        raise InvalidRequest(str(error)) from None
    rationale = plain_text(rationale, "the rationale")
    if not rationale:
        raise InvalidRequest("give the reason for the score")
    chosen = sorted(set(evidence or []))
    missing = unknown_passages(library, chosen, council=council)
    if missing:
        raise InvalidRequest(f"no passage {missing[0]} in {council}'s documents")
    before = next((r for r in library.self_scores(council) if r.statement == statement), None)
    with library.writing() as session:
        council_id = ensure_council(session, council)
        judgements.set_self_score(
            session, council_id, statement, score, rationale.strip(), chosen, scope.actor
        )
        audit.write(
            session,
            scope.actor,
            council,
            "self_score.set",
            f"statement {statement}",
            {"score": before.score, "rationale": before.rationale} if before else None,
            {"score": score, "rationale": rationale.strip(), "evidence": chosen},
        )
    return overview(scope, library, council)


def gaps(scope: Scope, library: Library, council: str | None = None) -> GapMatrix:
    """The gap matrix of one council (for the exporters)."""
    return matrix_for(library, scope.require(council_of(scope, council)))


def draft(scope: Scope, library: Library, council: str | None = None) -> Draft:
    """The self-assessment draft, with people's own wording where they gave it."""
    name = scope.require(council_of(scope, council))
    with library.reading() as session:
        council_id = find_council(session, name)
        own = drafting.draft_texts(session, council_id) if council_id else {}
    return with_own_wording(drafted(library, name, with_scores=True), own)


def with_own_wording(draft: Draft, own: dict[str, str]) -> Draft:
    def statement(s: StatementDraft) -> StatementDraft:
        text = own.get(s.id)
        if not text:
            return s
        paragraphs = tuple(Sentence(p.strip(), ()) for p in text.split("\n\n") if p.strip())
        return replace(s, sections=(DraftSection("own", "Our assessment", paragraphs),), gap=None)

    themes = tuple(
        ThemeDraft(t.id, t.name, tuple(statement(s) for s in t.statements)) for t in draft.themes
    )
    return replace(draft, themes=themes)


def draft_statements(
    scope: Scope, library: Library, council: str | None = None
) -> list[DraftStatement]:
    """Each statement's drafted text and its own wording, for the editor."""
    name = scope.require(council_of(scope, council))
    with library.reading() as session:
        council_id = find_council(session, name)
        own = drafting.draft_texts(session, council_id) if council_id else {}
    found = []
    for theme in drafted(library, name, with_scores=False).themes:
        for s in theme.statements:
            text = "\n\n".join(
                " ".join(
                    sentence.text + "".join(f" [{n}]" for n in sentence.citations)
                    for sentence in section.sentences
                )
                for section in s.sections
                if section.sentences
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


def set_own_wording(
    scope: Scope, library: Library, council: str, statement: str, text: str
) -> DraftStatement:
    """Keep a person's own wording of one statement's draft (editor role). Audited."""
    scope.require(council, Role.EDITOR)
    if statement not in {s.id for s in load_framework().statements}:
        raise InvalidRequest(f"no quality statement {statement!r}")
    if len(text) > 50_000:
        raise InvalidRequest("a statement's draft is at most 50,000 characters")
    text = plain_text(text, "the draft")
    with library.writing() as session:
        council_id = ensure_council(session, council)
        before = drafting.set_draft_text(session, council_id, statement, text.strip(), scope.actor)
        audit.write(
            session,
            scope.actor,
            council,
            "draft.edit",
            f"statement {statement}",
            {"text": before} if before is not None else None,
            {"text": text.strip()},
        )
    return next(s for s in draft_statements(scope, library, council) if s.id == statement)


def export_draft(
    scope: Scope, library: Library, council: str | None, form: str
) -> tuple[str, bytes]:
    """The draft as ``docx`` or ``html``: its file name and bytes."""
    drafted = draft(scope, library, council)
    stem = "self-assessment-draft"
    if form == "html":
        from assure.exporting.html import render_html

        return f"{stem}.html", render_html(drafted).encode("utf-8")
    if form == "docx":
        from assure.exporting.docx import write_docx

        with tempfile.TemporaryDirectory() as folder:
            path = write_docx(drafted, Path(folder) / f"{stem}.docx")
            return path.name, path.read_bytes()
    raise InvalidRequest(f"the draft exports as docx or html, not {form!r}")


def export_gaps(
    scope: Scope, library: Library, council: str | None, form: str
) -> tuple[str, bytes]:
    """The gap list as ``csv`` or ``xlsx``: its file name and bytes."""
    matrix = gaps(scope, library, council)
    if form == "csv":
        from assure.exporting.csvfile import render_csv

        return "gaps.csv", render_csv(matrix).encode("utf-8")
    if form == "xlsx":
        from assure.exporting.xlsx import write_xlsx

        with tempfile.TemporaryDirectory() as folder:
            path = write_xlsx(matrix, Path(folder) / "gaps.xlsx")
            return path.name, path.read_bytes()
    raise InvalidRequest(f"the gap list exports as csv or xlsx, not {form!r}")
