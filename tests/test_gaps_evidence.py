"""A fictional council's evidence base, built by hand for the analysis tests,
and the tests of how figures and actions attach to statements."""

from __future__ import annotations

import hashlib

from assure.analysis.evidence import (
    Evidence,
    EvidenceBase,
    Figure,
    Problem,
    SourceInfo,
    TrackedAction,
)
from assure.document import SourceLine
from assure.structure import (
    Action,
    Comparator,
    DocumentKind,
    Finding,
    Meeting,
    Metric,
    MinuteItem,
    ParsedDocument,
    ParsedStructure,
    Passage,
    Plan,
    PlanAction,
    Priority,
    StatementLabel,
)

SELF_ASSESSMENT = SourceInfo(
    1,
    "Ashworth adult social care self-assessment",
    "2025-06-30",
    "self_assessment",
    "ashworth-sa.txt",
)
OLD_PLAN = SourceInfo(
    2, "Ashworth improvement plan", "2019-03-01", "improvement_plan", "ashworth-plan.txt"
)
BOARD_PACK = SourceInfo(
    3,
    "Ashworth Health and Wellbeing Board pack",
    "2025-09-10",
    "committee_pack",
    "ashworth-hwb.txt",
)


def passage(
    pid: int,
    document: SourceInfo,
    start: int,
    text: str,
    qs: str | tuple[str, ...],
    category: str | None,
    stance: str | None,
    *,
    confidence: float = 0.8,
    page: int | None = None,
    end: int | None = None,
) -> Evidence:
    ids = (qs,) if isinstance(qs, str) else qs
    labels = tuple(StatementLabel(i, confidence, "model") for i in ids)
    return Evidence(
        pid,
        document,
        Passage(
            start,
            end or start,
            text,
            page=page or 1 + start // 40,
            qs=labels,
            category=category,
            stance=stance,
        ),
    )


def ashworth() -> EvidenceBase:
    """Assessing needs: rich evidence. Safeguarding: only an old plan, no people.
    Equity: nothing at all. Two figures for one measure disagree."""
    passages = (
        passage(
            11,
            SELF_ASSESSMENT,
            120,
            "Waiting times for a Care Act assessment fell to 21 days in 2024/25, against "
            "an England average of 28 days. We cleared the backlog by March.",
            "assessing-needs",
            "outcomes",
            "strength",
            confidence=0.95,
            page=4,
        ),
        passage(
            12,
            SELF_ASSESSMENT,
            130,
            "We are proud that our occupational therapists now triage every new "
            "referral on the day it arrives. Families tell us this feels quicker.",
            "assessing-needs",
            "processes",
            "strength",
            confidence=0.9,
            page=4,
        ),
        passage(
            13,
            SELF_ASSESSMENT,
            140,
            "Reviews of long-term care are behind schedule, with 31% overdue at "
            "year end. We need to recover this.",
            "assessing-needs",
            "outcomes",
            "improvement",
            confidence=0.85,
            page=5,
        ),
        passage(
            14,
            SELF_ASSESSMENT,
            150,
            "One carer said “the assessor listened to what mattered to my dad and "
            "wrote it down properly” after the home visit.",
            "assessing-needs",
            "people",
            "strength",
            confidence=0.7,
            page=5,
        ),
        passage(
            17,
            BOARD_PACK,
            50,
            "Social workers told the board that explaining assessment outcomes in "
            "writing still takes too long. Letters are being rewritten in plain English.",
            "assessing-needs",
            "staff",
            "improvement",
            confidence=0.62,
            page=2,
        ),
        passage(
            15,
            BOARD_PACK,
            40,
            "The voluntary sector forum reported that referral routes into "
            "assessment are now clearer for community groups.",
            "assessing-needs",
            "partners",
            "neutral",
            confidence=0.6,
            page=2,
        ),
        passage(
            16,
            BOARD_PACK,
            60,
            "Our audit programme checks a sample of assessments every month "
            "against the practice standards.",
            "assessing-needs",
            "processes",
            "neutral",
            confidence=0.65,
            page=3,
        ),
        passage(
            21,
            OLD_PLAN,
            30,
            "Multi-agency safeguarding training will be refreshed for all provider managers.",
            "safeguarding",
            "processes",
            "improvement",
            confidence=0.75,
            page=2,
        ),
        passage(
            22,
            OLD_PLAN,
            45,
            "The safeguarding adults board reviewed how quickly enquiries were "
            "started after a concern was raised.",
            "safeguarding",
            "staff",
            "neutral",
            confidence=0.7,
            page=3,
        ),
        # A label too weak to count as evidence.
        passage(
            23,
            BOARD_PACK,
            80,
            "Equality monitoring data was discussed briefly at the end of the meeting.",
            "equity",
            "processes",
            "neutral",
            confidence=0.1,
            page=4,
        ),
    )
    figures = (
        Figure(
            SELF_ASSESSMENT,
            Metric(
                "21 days",
                21.0,
                "days",
                120,
                measure="waiting time for assessment",
                comparators=(Comparator("england", 28.0, "England average of 28 days"),),
            ),
            page=4,
        ),
        Figure(
            SELF_ASSESSMENT, Metric("31%", 31.0, "percent", 140, measure="overdue reviews"), page=5
        ),
    )
    actions = (
        TrackedAction(
            OLD_PLAN,
            "Refresh multi-agency safeguarding training for provider managers.",
            30,
            "plan",
            owner="Head of Safeguarding",
            due="Q2 2019/20",
            status="In progress",
        ),
        TrackedAction(
            BOARD_PACK,
            "Report overdue review figures to the next meeting.",
            60,
            "minutes",
            owner="Director of Adult Social Care",
            due="2025-11-12",
            status="open",
        ),
    )
    findings = (
        Problem(
            SELF_ASSESSMENT,
            Finding(
                "conflicting_figure",
                "overdue reviews: 31% here, 27% in the board pack",
                140,
                other_line=60,
                other_document=BOARD_PACK.name,
            ),
            BOARD_PACK,
        ),
        Problem(BOARD_PACK, Finding("placeholder", "TO BE COMPLETED", 99)),
    )
    documents = (SELF_ASSESSMENT, OLD_PLAN, BOARD_PACK)
    return EvidenceBase(documents, passages, figures, actions, findings)


def test_figures_and_actions_belong_to_the_statement_of_the_passage_at_their_line() -> None:
    base = ashworth()
    assert [f.metric.text for f, _ in base.figures_for("assessing-needs")] == ["21 days", "31%"]
    assert base.figures_for("safeguarding") == []
    plans = base.actions_for("safeguarding")
    assert [a.owner for a in plans] == ["Head of Safeguarding"]
    assert [a.source for a in base.actions_for("assessing-needs")] == ["minutes"]


def test_weak_machine_labels_are_not_evidence_but_a_persons_label_is() -> None:
    base = ashworth()
    assert base.evidence_for("equity") == []
    corrected = Evidence(
        30,
        BOARD_PACK,
        Passage(
            80,
            80,
            "Equality data by ethnicity is now reported quarterly.",
            qs=(StatementLabel("equity", 0.05, "user"),),
        ),
    )
    assert EvidenceBase(passages=(corrected,)).evidence_for("equity") == [corrected]


def test_evidence_comes_surest_first() -> None:
    ids = [e.id for e in ashworth().evidence_for("assessing-needs")]
    assert ids == [11, 12, 13, 14, 16, 17, 15]


def stored_form(base: EvidenceBase) -> list[tuple[ParsedDocument, tuple[SourceLine, ...]]]:
    """The same evidence as parsed documents and their source lines, ready for
    ``Library.add``: real input to the real storage."""
    out = []
    for doc in base.documents:
        passages = tuple(e.passage for e in base.passages if e.document.id == doc.id)
        pages = {p.start_line: p.page for p in passages}
        texts = {p.start_line: p.text for p in passages}
        count = (
            max(
                [p.end_line for p in passages]
                + [f.finding.start_line for f in base.findings if f.document.id == doc.id]
                + [1]
            )
            + 5
        )
        lines = tuple(
            SourceLine(n, texts.get(n, f"Line {n} of {doc.name}"), pages.get(n) or 1 + n // 40)
            for n in range(1, count + 1)
        )
        actions = [a for a in base.actions if a.document.id == doc.id]
        plan_actions = tuple(
            PlanAction(
                a.text,
                a.start_line,
                leads=(a.owner,) if a.owner else (),
                timeframe=a.due,
                status=a.status,
            )
            for a in actions
            if a.source == "plan"
        )
        minute_actions = tuple(
            Action(a.text, a.start_line, owner=a.owner, due=a.due)
            for a in actions
            if a.source == "minutes"
        )
        structure = ParsedStructure(
            kind=DocumentKind(doc.kind),
            title=doc.title,
            date=doc.date,
            plans=(
                Plan(
                    "Improvement plan", 1, (Priority("1", "Priority one", 1, actions=plan_actions),)
                ),
            )
            if plan_actions
            else (),
            meetings=(
                Meeting(
                    "Health and Wellbeing Board",
                    doc.date,
                    1,
                    minutes=(MinuteItem("1", "Minutes", 1, count, actions=minute_actions),),
                ),
            )
            if minute_actions
            else (),
        )
        out.append(
            (
                ParsedDocument(
                    path=doc.path,
                    content_hash=hashlib.sha256(doc.path.encode()).hexdigest(),
                    format="text",
                    lines=count,
                    pages=1 + count // 40,
                    structure=structure,
                    metrics=tuple(f.metric for f in base.figures if f.document.id == doc.id),
                    passages=passages,
                    findings=tuple(f.finding for f in base.findings if f.document.id == doc.id),
                ),
                lines,
            )
        )
    return out
