"""The structure recovered from a document: typed, frozen, with provenance.

These dataclasses travel between the parsing, extracting and classifying
stages and are what storage persists and ``assure inspect --json`` prints (see
``interfaces/contract.py``). Every item carries the 1-based source line where it
starts; pages are looked up from the lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assure.document import SourceLine


class DocumentKind(StrEnum):
    SELF_ASSESSMENT = "self_assessment"
    ASSESSMENT_REPORT = "assessment_report"
    COMMITTEE_PACK = "committee_pack"
    IMPROVEMENT_PLAN = "improvement_plan"
    PERFORMANCE_REPORT = "performance_report"
    RISK_REGISTER = "risk_register"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled span of the document.

    ``kind`` names what the section is within its family, e.g. ``theme``,
    ``quality_statement``, ``proud_of``, ``areas_for_improvement``,
    ``how_we_know``, ``plans``, ``what_others_say``, ``case_study``,
    ``call_out``, ``agenda_item``, ``minutes``, ``report``, ``appendix``,
    ``priority``, ``finding``, ``summary``, ``facts`` or plain ``heading``.
    ``qs`` holds quality statement ids the section's own title names.
    ``refs`` holds evidence-library references cited in it ("Ref 12", "IR5").
    """

    title: str
    level: int
    kind: str
    start_line: int
    end_line: int
    qs: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendance:
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    in_attendance: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (name, role as written) where the minutes give one


@dataclass(frozen=True, slots=True)
class AgendaItem:
    number: str
    title: str
    pages: tuple[int, int] | None = None
    purpose: str | None = None
    contact: str | None = None
    group: str | None = None  # a group heading such as "TO NOTE"
    start_line: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    text: str
    start_line: int


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    start_line: int
    owner: str | None = None
    due: str | None = None  # ISO date where the text gives a full date, else as written
    due_by: str | None = None  # the last day it is due, ISO, where ``due`` gives one


@dataclass(frozen=True, slots=True)
class Vote:
    """A recorded vote: the counts as the minutes print them ("For (12)") and
    the names listed under each; the two may disagree, and both are kept.
    ``carried`` is the outcome the minutes give ("Motion carried", "Amendment
    lost"), or ``None`` where they give none."""

    start_line: int
    motion: str | None = None  # what was put to the vote, as the minutes say it
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    carried: bool | None = None


@dataclass(frozen=True, slots=True)
class MinuteItem:
    number: str | None
    title: str
    start_line: int
    end_line: int | None = None
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    votes: tuple[Vote, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting: the notice of a coming meeting (with its agenda), a set of
    minutes of a past one (with minute items), or the meeting a single
    committee report is written for (body and date only)."""

    body: str | None
    date: str | None  # ISO YYYY-MM-DD
    start_line: int
    end_line: int | None = None
    time: str | None = None  # HH:MM, 24-hour
    venue: str | None = None
    members: tuple[str, ...] = ()
    attendance: Attendance = field(default_factory=Attendance)
    agenda: tuple[AgendaItem, ...] = ()
    minutes: tuple[MinuteItem, ...] = ()
    role: str = "minutes"  # "notice", "minutes" or "report" (a single committee report)


@dataclass(frozen=True, slots=True)
class PlanAction:
    text: str
    start_line: int
    leads: tuple[str, ...] = ()
    timeframe: str | None = None  # as written, e.g. "Q3 2018/19" or "Q1-Q2"
    status: str | None = None
    refs: tuple[str, ...] = ()  # regulator recommendation codes, e.g. "O12"
    due_by: str | None = None  # the last day of ``timeframe``, ISO, where it gives one
    done: bool = False  # whether ``status`` says the action is finished


@dataclass(frozen=True, slots=True)
class SuccessMeasure:
    text: str
    direction: str | None = None  # "up", "down" or "maintain" is good
    start_line: int | None = None


@dataclass(frozen=True, slots=True)
class Priority:
    number: str | None
    title: str
    start_line: int
    aliases: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    measures: tuple[SuccessMeasure, ...] = ()
    refs: tuple[str, ...] = ()  # regulator recommendation codes the priority answers


@dataclass(frozen=True, slots=True)
class Plan:
    title: str | None
    start_line: int
    priorities: tuple[Priority, ...] = ()
    measures: tuple[SuccessMeasure, ...] = ()  # success measures of the plan as a whole


@dataclass(frozen=True, slots=True)
class Assessment:
    """A regulator's scores as the document states them, with the percent and
    rating computed by the framework's scoring rules. ``stated_rating`` is the
    rating the document itself gives, to check against. A framework that grades
    by name (Ofsted) gives ``grades`` per judgement area instead of ``scores``;
    its ``rating`` is the overall judgement and ``percent`` is ``None``."""

    scores: dict[str, int]
    percent: int | None
    rating: str | None
    stated_rating: str | None = None
    framework: str = "cqc-local-authority"
    grades: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Comparator:
    kind: str  # england | region | statistical_neighbours | target | previous | other
    value: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Metric:
    """A figure found in the text.

    ``unit`` is one of ``percent``, ``gbp``, ``count``, ``days``, ``weeks``,
    ``years``, ``ratio``, ``score``, ``rank`` ("ranked 48 out of 152") or
    ``None``. ``value`` is in the unit's base (money in pounds: "£2.3m" is
    2300000).
    """

    text: str
    value: float | None
    unit: str | None
    start_line: int
    measure: str | None = None  # what is measured, as a short phrase
    period: str | None = None
    geography: str | None = None
    comparators: tuple[Comparator, ...] = ()
    provisional: bool = False
    malformed: bool = False
    # A scorecard row's own judgement of the figure: its target, its RAG rating
    # ("red", "amber" or "green") and its direction of travel ("up", "down" or
    # "same": how the figure moved; "improving" or "worsening" where the
    # document says so instead).
    target: float | None = None
    rag: str | None = None
    trend: str | None = None
    qs: tuple[str, ...] = ()  # quality statements the indicator is evidence for
    qs_labels: tuple[StatementLabel, ...] = ()  # the same, with confidence and source


@dataclass(frozen=True, slots=True)
class RiskScore:
    """A risk's rating at one point: impact x likelihood = score, each as written
    (any may be missing: a register may score likelihood only)."""

    impact: float | None = None
    likelihood: float | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Risk:
    """One risk of a register, with its ratings before (``inherent``) and after
    (``residual``) the controls in place. A register that scores once says which
    it is ("current", "residual"); an unlabelled single rating is ``inherent``.
    ``target`` is the rating aimed for after further actions, where given.
    ``group`` is the band or category the register files the risk under."""

    title: str
    start_line: int
    end_line: int | None = None
    ref: str | None = None
    effects: str | None = None
    causes: str | None = None
    owners: tuple[str, ...] = ()
    mitigations: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    inherent: RiskScore | None = None
    residual: RiskScore | None = None
    target: RiskScore | None = None
    group: str | None = None
    trend: str | None = None
    qs: tuple[str, ...] = ()
    qs_labels: tuple[StatementLabel, ...] = ()


# A machine's statement label counts as evidence from this confidence up; below
# it the label is a ranked suggestion a person may confirm. Chosen by the
# classifier's evaluation (see ``classifying.model``).
EVIDENCE_CONFIDENCE = 0.25


@dataclass(frozen=True, slots=True)
class StatementLabel:
    """A quality statement suggested for a passage.

    ``source`` says who said so: ``structure`` (the document's own headings),
    ``model`` (the classifier), ``keywords`` or ``user`` (a person's correction).
    """

    id: str
    confidence: float
    source: str

    @property
    def counts(self) -> bool:
        """Whether the passage counts as evidence for the statement: a person's
        or the document's own label always does, a machine's from the bar up."""
        return self.source in ("user", "structure") or self.confidence >= EVIDENCE_CONFIDENCE


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph-sized unit of text: what search finds and the classifier labels."""

    start_line: int
    end_line: int
    text: str
    page: int | None = None
    section: str | None = None  # title of the innermost enclosing section
    qs: tuple[StatementLabel, ...] = ()
    category: str | None = None
    stance: str | None = None
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A consistency problem: a placeholder, two values for one measure, a date
    that disagrees. ``other_line`` and ``other_document`` point at the second
    location where there is one."""

    kind: str  # placeholder | conflicting_figure | date_mismatch
    message: str
    start_line: int
    other_line: int | None = None
    other_document: str | None = None
    document: str | None = None  # the document ``start_line`` is in, when comparing documents


@dataclass(frozen=True, slots=True)
class ParsedStructure:
    """What a family parser returns."""

    kind: DocumentKind
    title: str | None = None
    council: str | None = None
    date: str | None = None
    sections: tuple[Section, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    plans: tuple[Plan, ...] = ()
    assessment: Assessment | None = None
    findings: tuple[Finding, ...] = ()
    risks: tuple[Risk, ...] = ()
    metrics: tuple[Metric, ...] = ()  # rows of a scorecard or comparator table, read by the parser


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything the pipeline learned about one file."""

    path: str
    content_hash: str
    format: str
    lines: int
    pages: int | None
    structure: ParsedStructure
    metrics: tuple[Metric, ...] = ()
    passages: tuple[Passage, ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    # The file's lines as read, for showing passages in context once stored.
    source_lines: tuple[SourceLine, ...] = field(default=(), repr=False, compare=False)

    @property
    def kind(self) -> DocumentKind:
        return self.structure.kind
