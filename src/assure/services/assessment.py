"""The council's own assessment: self-scores, the gap matrix and the draft,
always for one council at a time."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from assure.analysis.draft import build_draft
from assure.analysis.draft_document import Draft
from assure.analysis.evidence import (
    Evidence,
    EvidenceBase,
    Figure,
    Problem,
    SourceInfo,
    TrackedAction,
)
from assure.analysis.gaps import GapMatrix, gap_matrix
from assure.analysis.self_scores import StatementScore, check_score, position, summarise
from assure.framework import load_framework
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest
from assure.services.listing import plain_text
from assure.services.scope import Role, Scope
from assure.structure import Finding

MAX_RATIONALE = 5000


class StatementSelfScore(BaseModel):
    council: str
    statement: str
    name: str
    score: int
    label: str
    rationale: str | None
    evidence: list[int] = Field(description="Ids of the passages behind the score.")
    user: str | None
    scored_at: str


class SelfScores(BaseModel):
    """A council's current self-score per statement and what they add up to.
    The percentage and rating cover only the statements scored."""

    council: str
    scored: int
    statements_in_framework: int
    scores: list[StatementSelfScore]
    unscored: list[str]
    percent: int | None
    rating: str | None
    position: str | None = Field(description="Where the percentage sits in its band.")
    nearer: str | None = Field(description="The nearer neighbouring band: above, below, middle.")
    note: str = Field(description="What the rating covers, in words.")


def one_council(scope: Scope, council: str | None, role: Role = Role.VIEWER) -> str:
    """The council a one-council service works on: the one named, or the only
    one in scope; refused where the scope holds several and none is named."""
    if council is not None:
        return scope.require(council, role)
    councils = scope.require_any()
    if len(councils) > 1:
        listed = ", ".join(councils[:6]) + (", ..." if len(councils) > 6 else "")
        raise InvalidRequest(f"name a council: this covers {len(councils)} ({listed})")
    return scope.require(councils[0], role)


def set_self_score(
    app: Application,
    scope: Scope,
    statement: str,
    score: int,
    rationale: str,
    evidence: list[int] | None = None,
    council: str | None = None,
) -> StatementSelfScore:
    """Record the council's own score for a statement, with why and the stored
    passages behind it. Needs the editor role."""
    name = one_council(scope, council, Role.EDITOR)
    try:
        check_score(statement, score)
    except ValueError as error:
        raise InvalidRequest(str(error)) from None
    rationale = plain_text(rationale, "the rationale")
    if not rationale or len(rationale) > MAX_RATIONALE:
        raise InvalidRequest(f"a rationale is 1 to {MAX_RATIONALE} characters")
    wanted = sorted(set(evidence or ()))
    found = {p.id for p in app.library.passages([name], ids=wanted)} if wanted else set()
    missing = [i for i in wanted if i not in found]
    if missing:
        listed = ", ".join(map(str, missing))
        raise InvalidRequest(f"no stored passage with id {listed} for {name}")
    change = note(
        scope,
        name,
        "self-score",
        statement,
        after={"score": score, "rationale": rationale, "evidence": wanted},
    )
    app.library.set_self_score(name, statement, score, rationale, wanted, scope.user, change)
    current = self_scores(app, scope, name)
    return next(s for s in current.scores if s.statement == statement)


def self_scores(app: Application, scope: Scope, council: str | None = None) -> SelfScores:
    name = one_council(scope, council)
    framework = load_framework()
    records = sorted(app.library.self_scores(name), key=lambda r: r.created_at)
    summary = summarise(
        StatementScore(
            r.statement, r.score, r.rationale, r.passage_ids, r.user, r.created_at.isoformat()
        )
        for r in records
    )
    labels = framework.scale.labels if framework.scale else {}
    overall = summary.overall
    total = len(framework.statements)
    scored = len(summary.statements)
    if overall is None:
        words = "no statements scored yet"
    elif scored < total:
        words = f"{scored} of {total} statements scored: the rating covers only those"
    else:
        words = f"all {total} statements scored"
    return SelfScores(
        council=name,
        scored=scored,
        statements_in_framework=total,
        scores=[
            StatementSelfScore(
                council=name,
                statement=s.statement,
                name=framework.statement(s.statement).name,
                score=s.score,
                label=labels.get(str(s.score), ""),
                rationale=s.rationale,
                evidence=list(s.evidence),
                user=s.user,
                scored_at=s.created_at or "",
            )
            for s in summary.statements
        ],
        unscored=list(summary.unscored),
        percent=overall.percent if overall else None,
        rating=overall.rating if overall else None,
        position=position(overall) if overall else None,
        nearer=overall.nearer if overall else None,
        note=words,
    )


class GapCell(BaseModel):
    strengths: int
    improvements: int
    neutral: int
    total: int


class GapCategory(BaseModel):
    id: str
    name: str
    passages: int = Field(description="Passages of this category across the statements.")


class GapStatement(BaseModel):
    id: str
    name: str
    cells: dict[str, GapCell] = Field(description="By evidence category id.")
    total: int
    flags: list[str] = Field(description="The kinds of flag raised for the statement.")


class GapLocation(BaseModel):
    document: str
    page: int | None
    line: int


class GapFlag(BaseModel):
    statement: str
    kind: str
    message: str
    locations: list[GapLocation]


class GapsView(BaseModel):
    """The gap matrix: passages per statement and evidence category, by stance,
    and what is missing, stale or contradictory."""

    today: date
    max_age_days: int
    categories: list[GapCategory]
    statements: list[GapStatement]
    flags: list[GapFlag]
    unassigned: int = Field(description="Stored passages that count for no statement.")


def gaps_view(matrix: GapMatrix) -> GapsView:
    statements = matrix.framework.statements
    return GapsView(
        today=matrix.today,
        max_age_days=matrix.max_age_days,
        categories=[
            GapCategory(
                id=c,
                name=matrix.category_name(c),
                passages=sum(matrix.cell(s.id, c).total for s in statements),
            )
            for c in matrix.categories
        ],
        statements=[
            GapStatement(
                id=s.id,
                name=s.name,
                cells={
                    c: GapCell(
                        strengths=cell.strengths,
                        improvements=cell.improvements,
                        neutral=cell.neutral,
                        total=cell.total,
                    )
                    for c in matrix.categories
                    for cell in [matrix.cell(s.id, c)]
                },
                total=matrix.total(s.id),
                flags=[f.kind for f in matrix.flags_for(s.id)],
            )
            for s in statements
        ],
        flags=[
            GapFlag(
                statement=f.statement,
                kind=f.kind,
                message=f.message,
                locations=[
                    GapLocation(document=x.document, page=x.page, line=x.line) for x in f.locations
                ],
            )
            for f in matrix.flags
        ],
        unassigned=matrix.unassigned,
    )


def evidence_base(app: Application, council: str) -> EvidenceBase:
    """Everything stored for one council, as the analysis reads it."""
    library, councils = app.library, [council]
    documents = {
        d.id: SourceInfo(d.id, d.title, d.date, d.kind, d.source_path)
        for d in library.documents(councils)
    }
    by_title = {d.title: d for d in documents.values() if d.title}

    def info(document_id: int | None, title: str | None = None) -> SourceInfo:
        """The stored document by id, else by title (a finding may name the
        other document only by its title)."""
        if document_id is not None and document_id in documents:
            return documents[document_id]
        if title and title in by_title:
            return by_title[title]
        return SourceInfo(document_id or 0, title, None, "other")

    passages = tuple(
        Evidence(stored.id, info(stored.document_id, stored.document_title), stored.passage)
        for stored in library.passages(councils)
    )
    figures = tuple(
        Figure(info(r.document_id, r.document_title), r.metric, r.page)
        for r in library.metrics(councils)
    )
    actions = tuple(
        TrackedAction(
            document=info(r.document_id, r.document_title),
            text=r.text,
            start_line=r.start_line,
            source=r.source,
            owner=r.owner,
            due=r.due,
            status=r.status,
            page=r.page,
            done=r.done,
        )
        for r in library.actions(councils)
    )
    findings = []
    for r in library.findings(councils):
        if r.at.document_id is None or r.at.line is None:
            continue
        other = r.other
        finding = Finding(
            kind=r.kind,
            message=r.message,
            start_line=r.at.line,
            other_line=other.line if other else None,
            other_document=other.document_title if other else None,
        )
        other_info = info(other.document_id, other.document_title) if other else None
        findings.append(Problem(info(r.at.document_id, r.at.document_title), finding, other_info))
    return EvidenceBase(
        documents=tuple(documents.values()),
        passages=passages,
        figures=figures,
        actions=actions,
        findings=tuple(findings),
    )


def gaps(
    app: Application,
    scope: Scope,
    council: str | None = None,
    today: date | None = None,
    max_age_days: int | None = None,
) -> GapMatrix:
    """The gap matrix of one council: evidence per statement and category, with flags."""
    name = one_council(scope, council)
    if max_age_days is not None and max_age_days < 1:
        raise InvalidRequest(f"the age limit is a number of days from 1, not {max_age_days}")
    return gap_matrix(
        evidence_base(app, name),
        today=today or date.today(),
        max_age_days=max_age_days or app.settings.evidence_max_age_days,
    )


def draft(
    app: Application, scope: Scope, council: str | None = None, today: date | None = None
) -> Draft:
    """A self-assessment draft of one council, every sentence citing its source."""
    name = one_council(scope, council)
    scores = {r.statement: (r.score, r.rationale) for r in app.library.self_scores(name)}
    return build_draft(evidence_base(app, name), council=name, today=today, self_scores=scores)
