"""Drafting the self-assessment (``draft_document``) from stored evidence only.

Per theme and quality statement it has the sections councils use (ambition and
performance, what we are proud of, areas for improvement, how we know, plans,
what others say). Every sentence is taken from a stored passage, figure or
action and carries numbered citations into an evidence index (document, page,
lines). Where there is nothing to say the draft says so as a gap; it never
writes claims of its own. ``assure.exporting`` renders the model as DOCX,
HTML or Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import chain

from assure.analysis.draft_document import (
    Citation,
    Draft,
    DraftSection,
    SelfScoreNote,
    Sentence,
    StatementDraft,
    ThemeDraft,
)
from assure.analysis.evidence import Evidence, EvidenceBase, TrackedAction
from assure.analysis.sentences import (
    key,
    lead_sentences,
    quotations,
    sentence_with,
    split_sentences,
    table_row,
    whole_sentences,
)
from assure.analysis.voices import (
    by_others,
    directive,
    framework_text,
    own_quotation,
    reports_others,
)
from assure.classifying.stance import claims_success, stance_of
from assure.framework.model import Framework, QualityStatement, load_framework
from assure.structure import Metric

LIMITS = {"ambition": 4, "proud": 4, "improvement": 4, "how_we_know": 3, "plans": 5, "others": 4}
TITLES = {
    "ambition": "Our ambition and how we perform",
    "proud": "What we are proud of",
    "improvement": "Areas for improvement",
    "how_we_know": "How we know",
    "plans": "Our plans",
    "others": "What others say",
}
# The first precise figure of a sentence ("84.3%", "£3.1m", "19.8"): two
# sentences that open on the same one say the same thing.
LEADING_FIGURE = re.compile(r"£?\d+\.\d+%?|\d+%")
COMPARATOR_NAMES = {
    "england": "England",
    "region": "region",
    "statistical_neighbours": "statistical neighbours",
    "target": "target",
    "previous": "previous",
}
COMPARISON = re.compile(
    r"\b(England|national|regional|region|average|benchmark|comparator|neighbours|target|"
    r"compared|last year|previous year)\b",
    re.I,
)
# A passage that states what the council is aiming for.
AMBITION = re.compile(
    r"\W*(?:[A-Z][\w ,&'-]{0,60}:\s*)?"  # after a run-in label ("Safeguarding: ")
    r"(?:our\s+(?:ambition|aim|vision|goal)s?\b|we\s+(?:want|aim|aspire)\b)",
    re.I,
)
RECORDED_ACTION = re.compile(r"\W*actions?\s*(?::|-|–)", re.I)
PLANS_SECTION = re.compile(r"\b(plans?|next steps|priorities for)\b", re.I)
NO_STATEMENT_EVIDENCE = (
    "Gap: no stored document gives evidence for this quality statement yet, so nothing "
    "is drafted here."
)


@dataclass
class CitationBook:
    """Numbers citations in order of first use; one number per cited span."""

    entries: list[Citation] = field(default_factory=list)
    numbers: dict[tuple[int, int, int], int] = field(default_factory=dict)

    def cite(self, document_id: int, entry: Citation) -> int:
        span = (document_id, entry.start_line, entry.end_line)
        if span not in self.numbers:
            number = len(self.entries) + 1
            self.entries.append(
                Citation(
                    number,
                    entry.document,
                    entry.document_date,
                    entry.page,
                    entry.start_line,
                    entry.end_line,
                    entry.passage_id,
                )
            )
            self.numbers[span] = number
        return self.numbers[span]

    def passage(self, item: Evidence) -> int:
        p = item.passage
        return self.cite(
            item.document.id,
            Citation(
                0, item.document.name, item.document.date, p.page, p.start_line, p.end_line, item.id
            ),
        )

    def action(self, action: TrackedAction, page: int | None) -> int:
        return self.cite(
            action.document.id,
            Citation(
                0,
                action.document.name,
                action.document.date,
                page,
                action.start_line,
                action.start_line,
            ),
        )


@dataclass
class Drafting:
    """State while one statement is drafted: sentences and passages already used."""

    statement: str
    book: CitationBook
    seen_sentences: set[str]
    used_passages: set[int] = field(default_factory=set)

    def take(
        self,
        text: str | None,
        item: Evidence | None,
        quote: bool = False,
        cite: Callable[[], int] | None = None,
        claim: bool = True,
    ) -> Sentence | None:
        """``text`` as a cited sentence, unless it (or one of its sentences) is
        already in the draft. ``claim`` keeps the passage from later sections."""
        keys = [key(part) for part in split_sentences(text or "")] or [key(text or "")]
        if not text or any(k in self.seen_sentences for k in keys):
            return None
        number = cite() if cite else self.book.passage(item) if item else None
        if number is None:
            return None
        self.seen_sentences.update(keys)
        if item is not None and claim:
            self.used_passages.add(item.id)
        return Sentence(text, (number,), quote)

    def lead(self, text: str) -> str | None:
        """Up to two whole sentences from the start of ``text``; ``None`` when
        its opening sentence is already drafted (its point is made), and
        sentences already drafted are left out."""
        sentences = whole_sentences(text)
        if not sentences or key(sentences[0]) in self.seen_sentences:
            return None
        fresh = [s for s in sentences if key(s) not in self.seen_sentences]
        return lead_sentences(" ".join(fresh))


def build_draft(
    base: EvidenceBase,
    *,
    council: str | None = None,
    today: date | None = None,
    framework: Framework | None = None,
    self_scores: Mapping[str, tuple[int, str | None]] | None = None,
) -> Draft:
    """Draft every statement of ``framework`` from ``base``.

    ``self_scores`` maps statement ids to a stored score and its rationale,
    shown under the statement's heading.
    """
    framework = framework or load_framework()
    book = CitationBook()
    seen: set[str] = set()
    themes = []
    for theme in framework.themes:
        statements = []
        for statement in theme.statements:
            drafting = Drafting(statement.id, book, seen)
            drafted = draft_statement(base, statement, drafting)
            if self_scores and statement.id in self_scores:
                value, rationale = self_scores[statement.id]
                label = framework.scale.labels.get(str(value), "") if framework.scale else ""
                drafted = StatementDraft(
                    drafted.id,
                    drafted.name,
                    drafted.description,
                    drafted.sections,
                    drafted.gap,
                    SelfScoreNote(value, label, rationale),
                )
            statements.append(drafted)
        themes.append(ThemeDraft(theme.id, theme.name, tuple(statements)))
    title = f"Self-assessment draft: {council}" if council else "Self-assessment draft"
    result = Draft(
        title, council, (today or date.today()).isoformat(), tuple(themes), tuple(book.entries)
    )
    return in_reading_order(result)


def in_reading_order(draft: Draft) -> Draft:
    """The same draft with citations numbered in the order a reader meets them
    (sections are built in a different order from the one they are shown in)."""
    order: dict[int, int] = {}
    for theme in draft.themes:
        for statement in theme.statements:
            for section in statement.sections:
                for sentence in section.sentences:
                    for number in sentence.citations:
                        order.setdefault(number, len(order) + 1)

    def renumber(section: DraftSection) -> DraftSection:
        sentences = tuple(
            replace(s, citations=tuple(order[n] for n in s.citations)) for s in section.sentences
        )
        return replace(section, sentences=sentences)

    themes = tuple(
        replace(
            theme,
            statements=tuple(
                replace(statement, sections=tuple(renumber(x) for x in statement.sections))
                for statement in theme.statements
            ),
        )
        for theme in draft.themes
    )
    citations = sorted(
        (replace(c, number=order[c.number]) for c in draft.citations if c.number in order),
        key=lambda c: c.number,
    )
    return replace(draft, themes=themes, citations=tuple(citations))


def draft_statement(
    base: EvidenceBase, statement: QualityStatement, drafting: Drafting
) -> StatementDraft:
    # the regulator's expectations and method notes are never the council's evidence
    evidence = [e for e in base.evidence_for(statement.id) if not framework_text(e)]
    actions = base.actions_for(statement.id)
    if not evidence and not actions:
        return StatementDraft(
            statement.id, statement.name, statement.description, gap=NO_STATEMENT_EVIDENCE
        )
    # A passage labelled with several statements is drafted under the one it
    # fits best; elsewhere it is used only where a section would be empty.
    primary = [e for e in evidence if e.statements()[0] == statement.id]
    secondary = [e for e in evidence if e.statements()[0] != statement.id]
    builders: dict[str, Callable[[list[Evidence]], list[Sentence]]] = {
        "ambition": lambda ev: ambition(base, ev, drafting),
        # Quotes are claimed before the stance sections so that someone's own
        # words appear under what others say rather than inside a paraphrase.
        "others": lambda ev: what_others_say(ev, drafting),
        "proud": lambda ev: by_stance(ev, drafting, "strength"),
        "improvement": lambda ev: by_stance(ev, drafting, "improvement"),
        "how_we_know": lambda ev: how_we_know(ev, drafting),
        "plans": lambda ev: planned(ev, drafting),
    }
    sections = []
    for kind, build in builders.items():
        found = plans(base, actions, drafting) if kind == "plans" else []
        found += build(primary)
        if not found and secondary:
            found = build(secondary)
        sentences = tuple(found[: LIMITS[kind]])
        gap = None if sentences else f"Gap: no stored evidence for {TITLES[kind].lower()}."
        sections.append(DraftSection(kind, TITLES[kind], sentences, gap))
    sections.sort(key=lambda section: list(TITLES).index(section.kind))
    return StatementDraft(statement.id, statement.name, statement.description, tuple(sections))


def collect(
    drafting: Drafting,
    items: Iterable[Evidence],
    limit: int,
    text_of: Callable[[Evidence], str | None] | None = None,
) -> list[Sentence]:
    """Up to ``limit`` sentences, one per passage not yet used, from the start
    of each passage (or ``text_of`` it); passages are read only as needed."""
    text_of = text_of or (lambda e: drafting.lead(e.passage.text))
    chosen: list[Sentence] = []
    for item in items:
        if len(chosen) >= limit:
            break
        if item.id in drafting.used_passages:
            continue
        sentence = drafting.take(text_of(item), item)
        if sentence:
            chosen.append(sentence)
    return chosen


def ambition(base: EvidenceBase, evidence: list[Evidence], drafting: Drafting) -> list[Sentence]:
    """The council's stated ambition for the statement (one passage), then
    sentences holding its figures, those with comparators first, then sentences
    of its passages that compare a number with something."""
    chosen = collect(drafting, (e for e in evidence if AMBITION.match(e.passage.text)), 1)
    figures = base.figures_for(drafting.statement)
    figures.sort(
        key=lambda pair: (
            not pair[0].metric.comparators,
            pair[0].metric.malformed or pair[0].metric.provisional,
            -pair[1].confidence(drafting.statement),
        )
    )
    candidates = chain(
        (
            (
                sentence_with(holder.passage.text, figure.metric.text)
                or (figure_sentence(figure.metric) if table_row(holder.passage.text) else None),
                holder,
            )
            for figure, holder in figures
        ),
        ((found, item) for item in evidence for found in comparing_sentences(item.passage.text)),
    )
    leading: set[str] = set()  # each figure once, however many documents repeat it
    for text, item in candidates:
        if len(chosen) >= LIMITS["ambition"]:
            break
        first = LEADING_FIGURE.search(text or "")
        if first and first.group(0) in leading:
            continue
        sentence = drafting.take(text, item, claim=False)
        if sentence:
            chosen.append(sentence)
            leading.update([first.group(0)] if first else [])
    return chosen


def figure_sentence(metric: Metric) -> str | None:
    """A figure from a row of a table, told from that row's own cells: what is
    measured, the value, its period and its comparators. ``None`` where the row
    does not say what is measured."""
    if not metric.measure or metric.value is None:
        return None
    told = f"{metric.measure}: {amount(metric.value, metric.unit)}"
    if metric.period:
        told += f" in {metric.period}"
    compared = [
        f"{COMPARATOR_NAMES.get(c.kind, c.kind)} {amount(c.value, metric.unit)}"
        for c in metric.comparators
        if c.value is not None
    ]
    return told + (f" ({', '.join(compared)})" if compared else "") + "."


def amount(value: float, unit: str | None) -> str:
    if unit == "gbp" and abs(value) >= 1_000_000:
        return f"£{value / 1_000_000:,.1f} million".replace(".0 million", " million")
    number = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    if unit == "percent":
        return f"{number}%"
    if unit == "gbp":
        return f"£{number}"
    return f"{number} {unit}" if unit in ("days", "weeks", "years") else number


def comparing_sentences(text: str) -> list[str]:
    if not re.search(r"\d", text) or not COMPARISON.search(text):
        return []
    return [s for s in whole_sentences(text) if re.search(r"\d", s) and COMPARISON.search(s)]


def in_plans(item: Evidence) -> bool:
    """Whether the passage is part of a plan: a section of a document's plans, a
    row of an improvement plan's action table or an action recorded in minutes
    (both tracked and drafted as actions). Such passages are never
    drafted as a strength, a gap or a fact."""
    return (
        (item.document.kind == "improvement_plan" and "\t" in item.passage.text)
        or plans_section(item)
        or bool(RECORDED_ACTION.match(item.passage.text))
    )


def plans_section(item: Evidence) -> bool:
    return bool(item.passage.section and PLANS_SECTION.search(item.passage.section))


# Headings under which a self-assessment files its strengths or its gaps: a
# passage there has the heading's stance whatever its own words.
STANCE_HEADING = {
    "strength": re.compile(r"\bproud\b|\bstrengths?\b|working well|achievements?|successes", re.I),
    "improvement": re.compile(
        r"\b(?:areas?|key areas?) (?:for|of) (?:improvement|development)|\bimprovements? needed"
        r"|\bchallenges\b|\bwhat (?:we|needs) (?:need|to) (?:to )?(?:improve|do better)",
        re.I,
    ),
}


def by_stance(evidence: list[Evidence], drafting: Drafting, stance: str) -> list[Sentence]:
    """Strengths or areas for improvement: passages filed under such a heading,
    then sentences of other passages of that stance whose own words make it
    plain (a shortfall admitted or a need stated, or a success claimed)."""
    heading = STANCE_HEADING[stance]

    def filed(item: Evidence) -> bool:
        return bool(item.passage.section and heading.search(item.passage.section))

    def text_of(item: Evidence) -> str | None:
        if filed(item):
            return drafting.lead(item.passage.text)
        return drafting.lead(" ".join(from_first(whole_sentences(item.passage.text), stance)))

    chosen = [e for e in evidence if e.passage.stance == stance and not in_plans(e)]
    chosen.sort(key=lambda e: not filed(e))
    return collect(
        drafting, chosen, LIMITS["proud" if stance == "strength" else "improvement"], text_of
    )


def from_first(sentences: list[str], stance: str) -> list[str]:
    """The sentences from the first whose own words have ``stance`` on, leaving
    out any of the opposite stance ("... still takes too long. Letters are
    being rewritten.": the gap and what is done about it). A gap is a shortfall
    or a need stated in so many words, a strength a success claimed and not
    undone by a shortfall."""
    opposite = "strength" if stance == "improvement" else "improvement"

    def plain(sentence: str) -> bool:
        if directive(sentence):
            return False  # an action to take is a plan, neither a strength nor a gap
        if stance == "improvement":
            return stance_of(sentence) == stance
        return stance_of(sentence) != opposite and claims_success(sentence)

    first = next((i for i, s in enumerate(sentences) if plain(s)), None)
    if first is None:
        return []
    return [s for s in sentences[first:] if stance_of(s) != opposite]


def how_we_know(evidence: list[Evidence], drafting: Drafting) -> list[Sentence]:
    """Processes and outcomes evidence, neutral statements of fact first."""
    chosen = [
        e for e in evidence if e.passage.category in ("processes", "outcomes") and not in_plans(e)
    ]
    chosen.sort(key=lambda e: e.passage.stance != "neutral")
    return collect(drafting, chosen, LIMITS["how_we_know"])


def what_others_say(evidence: list[Evidence], drafting: Drafting) -> list[Sentence]:
    """What people who use services, carers, partners, the regulator or a peer
    review said: their quoted words first (never the council quoting itself or
    the framework), then passages others wrote (a regulator's findings, a
    section of feedback), then sentences reporting others' views."""
    quoted = (
        (text, item)
        for item in evidence
        if not in_plans(item)
        for text in quotations(item.passage.text)
        if not own_quotation(item.passage.text, text)
    )
    chosen: list[Sentence] = []
    for text, item in quoted:
        if len(chosen) >= LIMITS["others"]:
            break
        sentence = drafting.take(text, item, quote=True)
        if sentence:
            chosen.append(sentence)

    def text_of(item: Evidence) -> str | None:
        if by_others(item):
            return drafting.lead(item.passage.text)
        said = [s for s in whole_sentences(item.passage.text) if reports_others(s)]
        return drafting.lead(" ".join(said)) if said else None

    voices = [e for e in evidence if not in_plans(e)]
    voices.sort(key=lambda e: not by_others(e))
    return chosen + collect(drafting, voices, LIMITS["others"] - len(chosen), text_of)


def plans(base: EvidenceBase, actions: list[TrackedAction], drafting: Drafting) -> list[Sentence]:
    """Tracked plan actions first, then actions from minutes, open ones first."""
    ordered = sorted(
        actions, key=lambda a: (a.source != "plan", a.done, a.document.id, a.start_line)
    )
    chosen: list[Sentence] = []
    for action in ordered:
        if len(chosen) >= LIMITS["plans"]:
            break
        text = describe_action(action)
        page = (
            action.page
            if action.page is not None
            else base.page_of(action.document.id, action.start_line)
        )
        sentence = drafting.take(text, None, cite=partial(drafting.book.action, action, page))
        if sentence:
            chosen.append(sentence)
    return chosen


def planned(evidence: list[Evidence], drafting: Drafting) -> list[Sentence]:
    """Passages from a document's own plans sections (by their section title),
    for statements whose plans are written as prose rather than tracked actions."""
    chosen = (e for e in evidence if plans_section(e) and e.document.kind != "improvement_plan")
    return collect(drafting, chosen, LIMITS["plans"])


def describe_action(action: TrackedAction) -> str | None:
    """The action's own words (whole sentences), then who, when and where it stands."""
    text = lead_sentences(action.text, limit=2, budget=350) or action.text.strip()
    if not text:
        return None
    details = []
    if action.owner:
        details.append(f"{'lead' if action.source == 'plan' else 'owner'}: {action.owner}")
    if action.due:
        details.append(f"{'timeframe' if action.source == 'plan' else 'due'}: {action.due}")
    if action.status:
        details.append(f"status: {action.status}")
    body = text.rstrip()
    if details:
        return f"{body} ({'; '.join(details)})"
    return body
