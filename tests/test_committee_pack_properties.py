"""Any text at all: the pack parser scores it within 0..1 and parses it
without raising, citing only lines that exist."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assure.document import CleanText, Format, SourceDocument, SourceLine
from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER, parse_pack
from assure.structure import ParsedStructure

PACK_LIKE = [
    "Notice of Meeting",
    "AGENDA",
    "Agenda Item 7",
    "Present:",
    "Present: Councillors A, B and C",
    "Apologies:",
    "In attendance:",
    "RESOLVED –",
    "RESOLVED: 1) That",
    "AGREED",
    "It was agreed that",
    "The Board agreed that",
    "1: Membership",
    "2. Minutes (Pages 1 - 6)",
    "3",
    "45.",
    "12 Title",
    "1 - 6",
    "Page 12",
    "This page is intentionally left blank",
    "TO NOTE",
    "Name of meeting: X",
    "Date: 31 February 2019",
    "Date: Friday 9 November 2018",
    "Title of report: Y",
    "Time: 25.99 pm",
    "Minutes of the meeting held on",
    "Action: Jo to do it by the end",
    "Officer: ",
    "Contact Officer:",
    "Minute\tAction\tOwner\tDue",
    "99\t\t\t",
    "\t",
    "The Cabinet will meet in the Hall at 10am on 9/11/18",
    "KIRKLEES COUNCIL",
    "Cabinet - 12 March 2019",
    "10. Service Director responsible",
    "Appendix A",
    "Membership:",
    "Councillors:",
    "(1)",
    "- 1)",
    "**",
    "<b>",
    "9999999999999 - 1",
]
line_text = st.one_of(
    st.sampled_from(PACK_LIKE),
    st.text(max_size=80),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
    st.builds(lambda n, s: f"{n} {s}", st.integers(0, 300), st.sampled_from(PACK_LIKE)),
)


def clean_text(lines: list[str]) -> CleanText:
    flat = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    data = "\n".join(flat).encode("utf-8", "surrogatepass")
    source = SourceDocument(
        path="generated.txt",
        format=Format.TEXT,
        content_hash=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=tuple(
            SourceLine(number, text, table_row="\t" in text) for number, text in enumerate(flat, 1)
        ),
    )
    return normalise(source)


def cited_lines(parsed: ParsedStructure) -> list[int]:
    found: list[int] = []
    for section in parsed.sections:
        assert section.start_line <= section.end_line, section
        found += [section.start_line, section.end_line]
    for meeting in parsed.meetings:
        found.append(meeting.start_line)
        found += [meeting.end_line] if meeting.end_line is not None else []
        found += [item.start_line for item in meeting.agenda if item.start_line is not None]
        for item in meeting.minutes:
            found.append(item.start_line)
            found += [item.end_line] if item.end_line is not None else []
            found += [decision.start_line for decision in item.decisions]
            found += [action.start_line for action in item.actions]
    for finding in parsed.findings:
        found += [finding.start_line] + ([finding.other_line] if finding.other_line else [])
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_text, max_size=60))
def test_any_text_is_scored_and_parsed_within_its_lines(lines: list[str]) -> None:
    text = clean_text(lines)
    score = PARSER.recognise(text)
    assert 0.0 <= score <= 1.0
    parsed = parse_pack(text)  # the safety net in PARSER.parse must never be needed
    assert isinstance(PARSER.parse(text), ParsedStructure)
    for number in cited_lines(parsed):
        assert 1 <= number <= max(text.total_lines, 1), number
