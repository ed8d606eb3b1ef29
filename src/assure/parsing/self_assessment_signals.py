"""How a self-assessment shows itself, and what other families look like.

Recognition weighs the document's own name for itself, the statements it is
organised by, the template's sub-sections and its first-person voice, and
discounts the marks of the families it is most often confused with: the
regulator's report (scores, "key findings"), committee packs (notices,
agendas, minutes, resolutions) and improvement plans (actions with leads and
timescales). A document that others wrote about the council (a peer challenge,
an inspection) walks through the same statements, but names its own genre in
its title and speaks of "the council" rather than "we".
"""

from __future__ import annotations

import re

from assure.document import CleanText
from assure.parsing.per_text import Cue, blind, folded_lines, folded_view, once_per_text
from assure.parsing.self_assessment_lines import STANDALONE, Candidate

NAMES_ITSELF = re.compile(r"\bself[- ]?(?:assessment|evaluation)\b", re.IGNORECASE)
# Speaking as "we": these words, whole (see ``FoldedLines.with_words``).
FIRST_PERSON_WORDS = ("we", "our", "us")
# The regulator's own report headings; scores alone are not enough, since a
# council may score itself ("Our self-assessed score: 3").
REGULATOR = re.compile(
    r"key\s+findings\s+for\s+this|^the\s+local\s+authority\s+commitment|"
    r"local\s+authority\s+(?:indicative\s+)?rating|^what\s+people\s+expect|"
    r"how\s+we\s+assess\s+local\s+authorities|this\s+theme\s+includes\s+these",
    re.IGNORECASE,
)
COMMITTEE_OPENING = (
    r"^(?:notice\s+of\s+meeting|public\s+document\s+pack|agenda\b|minutes\b|"
    r"present\s*:|apologies\b|in\s+attendance|declarations?\s+of\s+interest|"
    r"dear\s+(?:member|councillor))"
)
COMMITTEE = re.compile(rf"{COMMITTEE_OPENING}|\bresolved\b\s*(?:[:-]|that)", re.IGNORECASE)
PLAN = re.compile(
    r"\b(?:action|improvement|delivery)\s+plan\b|\blead\s+officer\b|\btimescales?\b|"
    r"\brag\b|\bq[1-4]\s*(?:20\d\d|\d\d/\d\d)|\bsuccess\s+measures?\b",
    re.IGNORECASE,
)
# Genres that walk through the statements without being the council's own
# assessment, as their titles name them.
OTHER_GENRE = re.compile(
    r"\bpeer\s+(?:challenge|review)\b|\binspection\b|\blocal\s+account\b|"
    r"\bannual\s+report\b|\bmarket\s+position\s+statement\b|\bstrategy\b",
    re.IGNORECASE,
)
THIRD_PERSON = re.compile(r"\bthe\s+(?:council|local\s+authority|authority)\b", re.IGNORECASE)
TITLE_LINES = 8
PLAN_TITLE = re.compile(r"\b(?:improvement|action|delivery)\s+plan\b", re.IGNORECASE)
HEAD = 60
# The same, for lines folded to lower case (see ``folding.folded``), or with words they need.
NAMES_ITSELF_CUE = Cue(NAMES_ITSELF, ("self",))
THIRD_PERSON_FOLDED = blind(THIRD_PERSON)
REGULATOR_CUE = Cue(REGULATOR, ("findings", "commitment", "rating", "expect", "assess", "includes"))
COMMITTEE_FOLDED = blind(COMMITTEE)
# Its opening alone: a line where it fails and "resolved" is absent is no committee line.
COMMITTEE_OPENING_FOLDED = blind(re.compile(COMMITTEE_OPENING, re.IGNORECASE))
RESOLVED_CUE = Cue(re.compile(r"\bRESOLVED\b"), ("resolved",))
PLAN_CUE = Cue(PLAN, ("plan", "lead", "timescale", "rag", "q1", "q2", "q3", "q4", "success"))
PLAN_TITLE_FOLDED = blind(PLAN_TITLE)


def recognise_self_assessment(
    text: CleanText, candidates: list[Candidate], statements_found: int
) -> float:
    """A 0..1 score from the text's own marks (see the module's docstring)."""
    if not text.lines:
        return 0.0
    score = _named(text)
    score += 0.35 * min(statements_found, 9) / 9
    kinds = {c.subsection for c in candidates if c.subsection and not c.contents}
    headed = sum(1 for c in candidates if c.subsection and c.tier >= STANDALONE)
    score += 0.2 * min(len(kinds), 5) / 5 if headed >= 3 else 0.0
    score += _spoken_as_we(text)
    return round(max(0.0, min(1.0, score * discount(text))), 3)


def self_assessment_ceiling(text: CleanText) -> float:
    """At least what ``recognise_self_assessment`` gives, without finding the
    statements and sub-sections: those count as all there."""
    if not text.lines:
        return 0.0
    score = _named(text) + 0.35 + 0.2 + _spoken_as_we(text)
    return round(max(0.0, min(1.0, score * discount(text))), 3)


@once_per_text  # the ceiling and the detector both ask
def _named(text: CleanText) -> float:
    """What the document's own name for itself adds."""
    named = NAMES_ITSELF_CUE.indexes(text)
    if named and named[0] < min(HEAD, 40):
        return 0.3
    if len(named) >= 3:
        return 0.1
    return 0.0


@once_per_text
def _prose_voice(text: CleanText) -> tuple[list[int], int]:
    """The indexes of the lines of prose (60 characters or more), and how many
    of them speak as "we"."""
    prose = [index for index, line in enumerate(folded_lines(text)) if len(line) >= 60]
    spoken = folded_view(text).with_words(FIRST_PERSON_WORDS)
    return prose, sum(1 for index in prose if index in spoken)


def _spoken_as_we(text: CleanText) -> float:
    """What a first-person voice in a fifth of the prose adds."""
    prose, first = _prose_voice(text)
    if prose and first / len(prose) >= 0.2:
        return 0.15
    return 0.0


@once_per_text
def discount(text: CleanText) -> float:
    """How much the marks of other families take away (1 is nothing)."""
    lines = text.lines
    folded = folded_lines(text)
    factor = 1.0
    regulator = len(REGULATOR_CUE.lines(text))
    if regulator >= 3:
        factor *= 0.25
    elif regulator:
        factor *= 0.7
    committee = sum(
        1
        for line in folded[:120]
        if COMMITTEE_OPENING_FOLDED.match(line)
        or ("resolved" in line and COMMITTEE_FOLDED.search(line))
    )
    resolutions = len(RESOLVED_CUE.lines(text))
    if committee >= 3 or resolutions >= 2:
        factor *= 0.25
    elif committee:
        factor *= 0.8
    plan = len(PLAN_CUE.lines(text))
    if plan >= max(6, len(lines) // 10):
        factor *= 0.35
    if any(PLAN_TITLE_FOLDED.search(line) for line in folded[:10]):
        factor *= 0.6  # a plan that follows a self-assessment names both
    return factor * _written_by_others(text)


def _written_by_others(text: CleanText) -> float:
    """How much a title naming another genre, or a voice speaking of the council
    in the third person throughout, takes away (1 is nothing). A title naming
    the document a self-assessment outweighs both: some are written in the
    third person."""
    titles = [line.text for line in text.lines[:TITLE_LINES] if len(line.text) <= 100]
    if any(NAMES_ITSELF.search(t) for t in titles):
        return 1.0
    factor = 1.0
    if any(OTHER_GENRE.search(t) for t in titles):
        factor *= 0.5
    prose, first = _prose_voice(text)
    if prose and first / len(prose) < 0.1:
        folded = folded_lines(text)
        # Every match holds one of these words: lines without them are not searched.
        named = set(folded_view(text).holding(("council", "authority")))
        spoken_of = (i for i in prose if i in named and THIRD_PERSON_FOLDED.search(folded[i]))
        if sum(1 for _ in spoken_of) >= 3:
            factor *= 0.5
    return factor
