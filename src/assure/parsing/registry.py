"""Family parsers declare how well they recognise a text; the best one parses it.

A family parser is any object with ``kind``, ``recognise(text) -> float`` (0 to
1: how surely the text belongs to the family) and ``parse(text) ->
ParsedStructure``. Built-in parsers live in this package; more can be added by
the ``assure.parsers`` entry point group.
"""

from __future__ import annotations

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


def detect_kind(text: CleanText) -> tuple[DocumentKind, FamilyParser | None]:
    """The family the text belongs to, and its parser (``None`` for "other")."""
    best, best_score = None, RECOGNITION_THRESHOLD
    for parser in parsers():
        score = parser.recognise(text)
        if score > best_score:
            best, best_score = parser, score
    return (best.kind, best) if best else (DocumentKind.OTHER, None)


def parse_structure(text: CleanText) -> ParsedStructure:
    """Detect the family and parse; "other" documents get generic headings."""
    from assure.parsing.headings import parse_generic

    _, parser = detect_kind(text)
    if parser is None:
        return parse_generic(text)
    return parser.parse(text)
