"""Kind detection reads a document's opening and runs only the families that
could still win: the kind it chooses is the one every family's detector,
run on that opening, would choose, and a long document's kind is that of
its opening."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assure.document import CleanText
from assure.errors import DocumentError
from assure.normalising import normalise
from assure.parsing.registry import (
    OPENING_LINES,
    RECOGNITION_THRESHOLD,
    SLACK,
    ceiling,
    detect_kind,
    opening,
    parsers,
)
from assure.reading import read_document
from assure.structure import DocumentKind

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"
pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def documents(*folders: Path) -> list[Path]:
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".txt", ".pdf", ".docx", ".md", ".html", ".xlsx"}
    )


def clean(path: Path) -> CleanText | None:
    try:
        return normalise(read_document(path))
    except DocumentError:
        return None


def every_detector(text: CleanText) -> DocumentKind:
    """The kind chosen by running every family's detector on the opening."""
    best, best_score = DocumentKind.OTHER, RECOGNITION_THRESHOLD
    for parser in parsers():
        score = parser.recognise(opening(text))
        if score > best_score:
            best, best_score = parser.kind, score
    return best


@pytest.fixture(scope="module")
def texts(corpus) -> list[tuple[str, CleanText]]:
    found = []
    for path in documents(FIXTURES, EXAMPLES, corpus):
        if (text := clean(path)) is not None:
            found.append((path.name, text))
    return found


def test_the_kind_is_the_one_every_detector_would_choose(texts) -> None:
    differ = [name for name, text in texts if detect_kind(text)[0] != every_detector(text)]
    assert not differ


def test_no_family_scores_above_its_ceiling(texts) -> None:
    above = [
        (name, str(parser.kind))
        for name, text in texts
        for parser in parsers()
        if parser.recognise(opening(text)) > ceiling(parser, opening(text)) + SLACK
    ]
    assert not above


def test_a_long_document_is_known_by_its_opening(texts) -> None:
    """The kind of each long document from its opening, as from the whole text."""
    long = [(name, text) for name, text in texts if len(text.lines) > OPENING_LINES]
    assert len(long) >= 5
    whole = {name: _whole_text_kind(text) for name, text in long}
    assert {name: detect_kind(text)[0] for name, text in long} == whole


def _whole_text_kind(text: CleanText) -> DocumentKind:
    best, best_score = DocumentKind.OTHER, RECOGNITION_THRESHOLD
    for parser in parsers():
        score = parser.recognise(text)
        if score > best_score:
            best, best_score = parser.kind, score
    return best


def test_the_opening_cuts_the_source_after_its_last_line(texts) -> None:
    text = max((text for _, text in texts), key=lambda text: len(text.lines))
    head = opening(text)
    assert head.lines == text.lines[:OPENING_LINES]
    last = head.lines[-1]
    assert head.source.lines == text.source.lines[: max(last.end, last.number)]
    short = replace(text, lines=text.lines[:10])
    assert opening(short) is short
