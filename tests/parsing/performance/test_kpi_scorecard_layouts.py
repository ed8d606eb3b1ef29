"""An invented KPI scorecard printed as a spreadsheet, a Word table and a
landscape PDF table gives back every indicator with its latest value, target,
RAG rating, direction of travel, previous quarter and England figure.

The facts (tests/fixtures/performance/ashby_vale_asc_scorecard.toml) were
written before the parser ran on these layouts.
"""

from __future__ import annotations

import kpi_layouts
import pytest

from assure.pipeline import process
from assure.structure import DocumentKind, Metric, ParsedDocument

DATA = kpi_layouts.DATA
TRENDS = kpi_layouts.TRENDS
LAYOUTS = {
    "scorecard.xlsx": kpi_layouts.spreadsheet,
    "scorecard.docx": kpi_layouts.word_table,
    "scorecard.pdf": kpi_layouts.landscape_pdf,
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def printed(request, tmp_path_factory) -> tuple[str, ParsedDocument]:
    path = tmp_path_factory.mktemp("kpi") / request.param
    LAYOUTS[request.param](path)
    return request.param, process(path)


def figure(text: str) -> float | None:
    return None if text == "-" else float(text.rstrip("%"))


def rows_of(doc: ParsedDocument) -> list[Metric]:
    return [m for m in doc.metrics if m.rag or m.target is not None]


def test_a_kpi_scorecard_is_a_performance_report(printed) -> None:
    name, doc = printed
    assert doc.kind is DocumentKind.PERFORMANCE_REPORT, name


def test_every_indicator_with_value_target_rag_trend_and_comparators(printed) -> None:
    name, doc = printed
    rows = rows_of(doc)
    assert len(rows) == len(DATA["kpis"]), (name, [m.measure for m in rows])
    for kpi, metric in zip(DATA["kpis"], rows, strict=True):
        assert kpi["name"] in (metric.measure or ""), (name, metric.measure)
        assert metric.value == figure(kpi["values"][-1]), (name, kpi["ref"], metric.value)
        assert metric.target == figure(kpi["target"]), (name, kpi["ref"])
        assert metric.rag == kpi["rag"], (name, kpi["ref"], metric.rag)
        assert metric.trend == TRENDS[kpi["trend"]], (name, kpi["ref"], metric.trend)
        kinds = {c.kind: c.value for c in metric.comparators}
        assert kinds.get("previous") == figure(kpi["values"][0]), (name, kpi["ref"], kinds)
        assert kinds.get("england") == figure(kpi["england"]), (name, kpi["ref"], kinds)
        assert metric.period == DATA["period_columns"][-1], (name, metric.period)
        if kpi["target"].endswith("%"):
            assert metric.unit == "percent", (name, kpi["ref"])
