"""Consistency findings: placeholders, and one measure quoted with two values."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assure.document import CleanText
from assure.extracting.consistency import check_document, compare_metrics
from assure.extracting.figures import extract_metrics
from assure.normalising import normalise
from assure.parsing.headings import parse_generic
from assure.reading import read_document
from assure.structure import Metric
from fixtures.reading.council_documents import make_pdf


def clean_string(tmp_path: Path, body: str, name: str = "doc.txt") -> CleanText:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return normalise(read_document(path))


def check(tmp_path: Path, body: str):
    text = clean_string(tmp_path, body)
    return check_document(text, parse_generic(text), extract_metrics(text))


@pytest.mark.parametrize(
    "line",
    [
        "Carers' feedback: TO BE COMPLETED",
        "Date of next review TBC",
        "Spend in the year was £XXXX.",
        "Waiting times fell by XXXX days.",
        "[insert quote from a carer here]",
        "The figure for Q2 is ?? per cent.",
    ],
)
def test_placeholders_are_found_on_their_line(tmp_path: Path, line: str) -> None:
    findings = check(tmp_path, f"Annual report\n\n{line}\n")
    assert [(f.kind, f.start_line) for f in findings] == [("placeholder", 3)]


def test_ordinary_words_are_not_placeholders(tmp_path: Path) -> None:
    body = "Actions to be completed by March are listed below.\nThe Texas Xbox case was closed.\n"
    assert check(tmp_path, body) == ()


def test_the_same_measure_with_two_values_is_a_conflict(tmp_path: Path) -> None:
    body = (
        "In 2023/24, 62% of carers felt supported by the council.\n"
        "Other text about the service.\n"
        "In 2023/24, 58% of carers felt supported by the council.\n"
    )
    (finding,) = check(tmp_path, body)
    assert finding.kind == "conflicting_figure"
    assert (finding.start_line, finding.other_line) == (3, 1)
    assert "58%" in finding.message and "62%" in finding.message


@pytest.mark.parametrize(
    "second",
    [
        "In 2023/24, 62.3% of carers felt supported by the council.",  # rounding only
        "In 2022/23, 58% of carers felt supported by the council.",  # another period
        "In England, 58% of carers felt supported by the council.",  # another place
        "In 2023/24, 58 carers felt supported by the council.",  # another unit
    ],
)
def test_figures_that_do_not_conflict(tmp_path: Path, second: str) -> None:
    body = f"In 2023/24, 62% of carers felt supported by the council.\n{second}\n"
    assert check(tmp_path, body) == ()


def test_two_figures_of_one_wrapped_sentence_are_not_a_conflict(tmp_path: Path) -> None:
    """A PDF wraps one sentence over lines; 'rose from 512 to 598' and a second
    figure later in the same sentence are the writer's, not a contradiction."""
    path = tmp_path / "minutes.pdf"
    make_pdf(
        path,
        [
            [
                "Since the service came back in house, the number of people receiving a direct",
                "payment had increased from 512 to 598, and the personal assistant register",
                "had grown to 203 people.",
            ]
        ],
    )
    text = normalise(read_document(path))
    findings = check_document(text, parse_generic(text), extract_metrics(text))
    assert [f for f in findings if f.kind == "conflicting_figure"] == []


def metric(value: float, line: int, measure: str = "carers who felt supported") -> Metric:
    return Metric(
        text=f"{value:g}%", value=value, unit="percent", start_line=line, measure=measure,
        period="2023/24", geography="Fenwick Vale",
    )  # fmt: skip


def test_compare_metrics_across_documents() -> None:
    findings = compare_metrics(
        [
            ("plan.pdf", metric(62.0, 10)),
            ("plan.pdf", metric(58.0, 40)),  # within one document: not this check's job
            ("report.pdf", metric(62.4, 7)),
            ("pack.pdf", metric(55.0, 300)),
            ("pack.pdf", metric(50.0, 310)),  # one finding per document and measure
            ("pack.pdf", metric(55.0, 320, measure="people waiting for assessment")),
        ]
    )
    assert [(f.document, f.start_line, f.other_document, f.other_line) for f in findings] == [
        ("pack.pdf", 300, "plan.pdf", 10)
    ]
    assert findings[0].kind == "conflicting_figure"


def test_compare_metrics_ignores_vague_or_malformed_figures() -> None:
    vague = metric(62.0, 1, measure="people")
    other = metric(10.0, 2, measure="people")
    broken = Metric(text="1.2.3%", value=None, unit="percent", start_line=3, malformed=True)
    assert compare_metrics([("a", vague), ("b", other), ("b", broken)]) == []


def test_corpus_self_assessment_quotes_one_survey_result_two_ways(corpus: Path) -> None:
    text = normalise(read_document(corpus / "kirklees-asc-self-assessment-2024.txt"))
    findings = check_document(text, parse_generic(text), extract_metrics(text))
    conflicts = {(f.start_line, f.other_line) for f in findings if f.kind == "conflicting_figure"}
    assert (257, 148) in conflicts


@pytest.mark.parametrize(
    "body",
    [
        # the cells of one row of a table: its columns told them apart
        "Spend by service (£m)\nAdult social care £52.3m £60.3m £8.0m\nOther text.\n"
        "Adult social care £41.0m £44.9m £3.9m\n",
        # two sessions, each "this session"
        "51 practitioners and managers attended this session.\nOther text.\n"
        "89 practitioners and managers attended this session.\n",
        # two age bands are two measures
        "18% of residents are aged 65 and over.\nOther text.\n"
        "69% of residents are aged 18 to 64.\n",
        # a placeholder for a measure names nothing
        "please make a selection: 12.5% in 2016/17\nOther text.\n"
        "please make a selection: 9.8% in 2016/17\n",
        # two lists under different lead-ins
        "The proportion of pupils entitled to free school meals:\n"
        "• in primary schools is 16%\n"
        "The proportion of pupils with English as an additional language:\n"
        "• in primary schools is 8%\n",
    ],
)
def test_figures_of_different_measures_never_conflict(tmp_path: Path, body: str) -> None:
    assert [f for f in check(tmp_path, body) if f.kind == "conflicting_figure"] == []


def test_across_documents_a_figure_must_say_when() -> None:
    undated = replace(metric(50.0, 3), period=None)
    elsewhere = replace(metric(50.0, 3), geography="Ashworth")
    assert compare_metrics([("plan.pdf", metric(62.0, 10)), ("old.pdf", undated)]) == []
    assert compare_metrics([("plan.pdf", metric(62.0, 10)), ("old.pdf", elsewhere)]) == []
    assert len(compare_metrics([("plan.pdf", metric(62.0, 10)), ("new.pdf", metric(50.0, 3))])) == 1
