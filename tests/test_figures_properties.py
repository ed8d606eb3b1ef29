"""Property: any text gives figures, plans and findings without raising, and every
line number they cite is a line of the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assure.document import CleanLine, CleanText, Format, SourceDocument, SourceLine
from assure.extracting.consistency import check_document
from assure.extracting.figures import extract_metrics
from assure.parsing.headings import parse_generic
from assure.parsing.improvement_plan import PARSER
from assure.parsing.plan import find_plans

PIECES = st.sampled_from(
    ["Priority 1: ", "PRIORITY 2 – ", "What\tLead\tTimeframe", "\t", "£", "%", "2022/23", " in ",
     "O3,O4 O5", "Q3 18/19", "(2420)", "compared with ", "- ", "How we will know:",
     "Strategic lead: ", "21, 000", "1.2.3", "out of", "TBC", "XXXX", " ", "\n", "Actions:",
     "3 in 5", "£2.3m"]
)  # fmt: skip
LINE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=12).map("".join)


def clean_text(lines: list[str]) -> CleanText:
    source = tuple(SourceLine(number=i + 1, text=t) for i, t in enumerate(lines))
    document = SourceDocument(
        path="any.txt", format=Format.TEXT, content_hash="0", size=0, lines=source
    )
    clean = tuple(
        CleanLine(number=s.number, end=s.number, text=s.text.strip(), table_row="\t" in s.text)
        for s in source
        if s.text.strip()
    )
    return CleanText(source=document, lines=clean)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE_TEXT, max_size=25))
def test_any_text_gives_results_within_its_lines(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    text = clean_text(lines)
    last = len(lines)
    metrics = extract_metrics(text)
    assert all(1 <= m.start_line <= last for m in metrics)
    plans = find_plans(text)
    for plan in plans:
        assert 1 <= plan.start_line <= last
        for priority in plan.priorities:
            assert 1 <= priority.start_line <= last
            assert all(1 <= a.start_line <= last for a in priority.actions)
            assert all(m.start_line is None or 1 <= m.start_line <= last for m in priority.measures)
    for finding in check_document(text, parse_generic(text), metrics):
        assert 1 <= finding.start_line <= last
        assert finding.other_line is None or 1 <= finding.other_line <= last
    assert 0.0 <= PARSER.recognise(text) <= 1.0
    PARSER.parse(text)
