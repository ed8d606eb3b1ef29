"""Any text at all, however odd, gives a self-assessment or regulator report
structure without an error, a recognition score within 0..1, sections inside the
document and scores within the scale."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assure.document import CleanText, Format, SourceDocument, SourceLine
from assure.framework import load_framework
from assure.normalising import normalise
from assure.parsing.assessment_report import PARSER as REPORT
from assure.parsing.self_assessment import PARSER as SELF_ASSESSMENT
from assure.structure import ParsedStructure

# Fragments that reach the parser's branches: headings, labels, contents
# entries, quotes, references and the regulator's wording.
FRAGMENTS = (
    "7 ASSESSING NEEDS", "7.1.1 THINGS WE ARE PROUD OF", "Safeguarding:", "Assessing Need -",
    "PART A - WORKING WITH PEOPLE", "Theme 1 – QS2", "Theme 9 – QS12", "QS 0", "## Theme 4",
    "3.1 Assessing needs ........ 7", "1\tWELCOME\t3", "Spotlight on: Ann's story",
    "DATA POINT", "“Quoted”", "\"", "(Ref 12-14)", "([Ref 35](#), [36](#))", "IR5",
    "Score: 3", "Key findings for this quality statement", "Overall rating: Good",
    "How do we know?", "Next steps:", "What others say", "Working with people: ", ":", "-",
    "4 Evidence library", "Equity in experiences & outcomes –", "\x00\x07\ufffd", "Ref 9999-1",
)  # fmt: skip
line_text = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=80),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(FRAGMENTS), st.text(max_size=30)),
)
source_line = st.tuples(
    line_text, st.one_of(st.none(), st.integers(1, 6)), st.booleans(), st.integers(1, 3)
)


def document(rows: list[tuple[str, int | None, bool, int]]) -> CleanText:
    lines = tuple(
        SourceLine(number, text, page=page, heading_level=level, table_row=table)
        for number, (text, level, table, page) in enumerate(rows, 1)
    )
    source = SourceDocument(
        path="generated.txt", format=Format.TEXT, content_hash="0" * 64, size=0, lines=lines
    )
    return normalise(source)


def assert_well_formed(structure: ParsedStructure, text: CleanText) -> None:
    ids = {s.id for s in load_framework().statements}
    for section in structure.sections:
        assert 1 <= section.start_line <= section.end_line <= max(1, text.total_lines)
        assert set(section.qs) <= ids
        assert 1 <= section.level <= 5


PARSERS = pytest.mark.parametrize(
    "parser", [SELF_ASSESSMENT, REPORT], ids=["self_assessment", "assessment_report"]
)


@PARSERS
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(source_line, max_size=60))
def test_any_lines_parse_without_error(parser, rows: list[tuple[str, int | None, bool, int]]):
    text = document(rows)
    score = parser.recognise(text)
    assert 0.0 <= score <= 1.0
    structure = parser.parse(text)
    assert isinstance(structure, ParsedStructure)
    assert_well_formed(structure, text)


@PARSERS
@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_looking_junk_parses_without_error(parser, data: bytes) -> None:
    rows = [(line, None, "\t" in line, 1) for line in data.decode("latin-1").splitlines()]
    text = document(rows)
    assert 0.0 <= parser.recognise(text) <= 1.0
    assert_well_formed(parser.parse(text), text)


@settings(max_examples=100, deadline=None)
@given(st.lists(source_line, max_size=60))
def test_any_assessment_has_scores_within_the_scale(
    rows: list[tuple[str, int | None, bool, int]],
) -> None:
    assessment = REPORT.parse(document(rows)).assessment
    if assessment is not None:
        assert all(1 <= value <= 4 for value in assessment.scores.values())
        assert (assessment.percent is None) == (not assessment.scores)
