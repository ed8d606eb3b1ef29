"""Family parsers declare how well they recognise a text; the best one parses it.

A family parser is any object with ``kind``, ``recognise(text) -> float`` (0 to
1: how surely the text belongs to the family) and ``parse(text) ->
ParsedStructure``, and optionally ``ceiling(text) -> float``: a cheap bound
that ``recognise`` never exceeds, so that a family that cannot win is not run.
Built-in parsers live in this package; more can be added by the
``assure.parsers`` entry point group.

A document says what it is in its opening: the notice of meeting, the
regulator's title and first scores, the self-assessment's name for itself and
its first statements, the register's header row. So the kind is chosen from
the opening alone (``opening``), and every family's detector reads that, never
the whole of a long document; the chosen parser then reads all of it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Protocol

from assure.document import CleanText
from assure.structure import DocumentKind, ParsedStructure

BUILT_IN = (
    "assure.parsing.self_assessment",
    "assure.parsing.assessment_report",
    "assure.parsing.committee_pack",
    "assure.parsing.improvement_plan",
    "assure.parsing.risk",
    "assure.parsing.performance",
)
# Below this, no family is sure enough and the document is "other".
RECOGNITION_THRESHOLD = 0.3
# The clean lines the kind is chosen from: about ten pages of a PDF (its clean
# lines are paragraphs). On every document of the corpus, the fixtures and the
# examples the kind is the same as from the whole text at 200 lines (at 150 a
# long action plan is no longer known for one).
OPENING_LINES = 200
# Rounding in a ceiling (scores are given to three places) is never taken for a difference.
SLACK = 0.001


class FamilyParser(Protocol):
    kind: DocumentKind

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` belongs to this family, 0 to 1."""

    def parse(self, text: CleanText) -> ParsedStructure:
        """The family's structure. Never raises on odd text: returns what it found."""


@cache
def parsers() -> tuple[FamilyParser, ...]:
    found: list[FamilyParser] = []
    for name in BUILT_IN:
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        found.append(module.PARSER)
    for point in entry_points(group="assure.parsers"):
        found.append(point.load()())
    return tuple(found)


def opening(text: CleanText, lines: int = OPENING_LINES) -> CleanText:
    """The first ``lines`` clean lines of ``text``, its source cut after the last
    of them, so that nothing past the opening is read; ``text`` itself when it
    is no longer than that."""
    if len(text.lines) <= lines:
        return text
    kept = text.lines[:lines]
    last = max(kept[-1].end, kept[-1].number)
    return replace(text, source=replace(text.source, lines=text.source.lines[:last]), lines=kept)


def ceiling(parser: FamilyParser, text: CleanText) -> float:
    """At least the score ``parser.recognise(text)`` gives, found cheaply: the
    parser's own ``ceiling(text)`` where it has one (the family's marks that
    cost little to count, with the costly ones counted as all there), else 1."""
    bound = getattr(parser, "ceiling", None)
    return 1.0 if bound is None else float(bound(text))


def detect_kind(text: CleanText) -> tuple[DocumentKind, FamilyParser | None]:
    """The family the text belongs to, and its parser (``None`` for "other"),
    chosen from its opening.

    The family whose detector scores highest above the threshold wins, the
    first registered on a tie. Detectors run in order of their ceilings,
    highest first, and a family whose ceiling cannot beat the best score so
    far is never run: the choice is that of running them all, for less.
    """
    head = opening(text)
    found = parsers()
    ceilings = [ceiling(parser, head) for parser in found]
    best: int | None = None
    best_score = RECOGNITION_THRESHOLD
    for index in sorted(range(len(found)), key=lambda i: -ceilings[i]):
        if not _may_win(ceilings[index] + SLACK, index, best, best_score):
            continue
        score = found[index].recognise(head)
        if _may_win(score, index, best, best_score):
            best, best_score = index, score
    if best is None:
        return DocumentKind.OTHER, None
    return found[best].kind, found[best]


def _may_win(score: float, index: int, best: int | None, best_score: float) -> bool:
    """Whether ``score`` of the parser at ``index`` beats the best so far: a
    higher score, or the same from a parser registered before it."""
    if score > best_score:
        return True
    return score == best_score and best is not None and index < best


def parse_structure(text: CleanText) -> ParsedStructure:
    """Detect the family and parse; "other" documents get generic headings."""
    from assure.parsing.headings import parse_generic

    _, parser = detect_kind(text)
    if parser is None:
        return parse_generic(text)
    return parser.parse(text)
