"""One invented corporate risk register, printed as four layouts councils publish,
gives back every risk with its reference, owners and both ratings.

The register's facts (tests/fixtures/risk/calderwick_corporate_risks.toml) were
written before the parser ran on any of these layouts. A reader of each layout
would find twelve risks; the heat map after the landscape table names none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import risk_layouts as layouts

from assure.parsing import detect_kind
from assure.pipeline import process
from assure.structure import DocumentKind, ParsedDocument, Risk, RiskScore

DATA = layouts.register()
LAYOUTS: dict[str, tuple[str, Callable]] = {
    "landscape_pdf": ("register.pdf", layouts.landscape_pdf),
    "cards_pdf": ("cards.pdf", layouts.cards_pdf),
    "spreadsheet": ("register.xlsx", layouts.spreadsheet),
    "word_table": ("register.docx", layouts.word_table),
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def printed(request, tmp_path_factory) -> tuple[str, ParsedDocument]:
    name, build = LAYOUTS[request.param]
    path = tmp_path_factory.mktemp(request.param) / name
    build(DATA, path)
    return request.param, process(path)


def by_ref(doc: ParsedDocument) -> dict[str | None, Risk]:
    return {risk.ref: risk for risk in doc.structure.risks}


def rating(values: list[int]) -> RiskScore:
    impact, likelihood, score = values
    return RiskScore(impact=impact, likelihood=likelihood, score=score)


def test_every_layout_is_a_risk_register(printed) -> None:
    _, doc = printed
    assert doc.kind is DocumentKind.RISK_REGISTER


def test_every_risk_and_no_other(printed) -> None:
    layout, doc = printed
    assert sorted(r.ref or "" for r in doc.structure.risks) == [r["ref"] for r in DATA["risks"]], (
        layout
    )


def test_each_risk_keeps_its_title_owners_and_both_ratings(printed) -> None:
    layout, doc = printed
    found = by_ref(doc)
    for expected in DATA["risks"]:
        risk = found[expected["ref"]]
        assert risk.title.startswith(expected["title"]), (layout, risk.title)
        assert list(risk.owners) == expected["owners"], (layout, risk.ref, risk.owners)
        assert risk.inherent == rating(expected["inherent"]), (layout, risk.ref)
        assert risk.residual == rating(expected["residual"]), (layout, risk.ref)


def test_controls_and_actions_are_listed_item_by_item(printed) -> None:
    layout, doc = printed
    found = by_ref(doc)
    for expected in DATA["risks"]:
        risk = found[expected["ref"]]
        assert len(risk.mitigations) == len(expected["controls"]), (
            layout,
            risk.ref,
            risk.mitigations,
        )
        assert len(risk.actions) == len(expected["actions"]), (layout, risk.ref, risk.actions)


def test_a_risk_is_linked_to_the_statement_its_words_are_about(printed) -> None:
    _, doc = printed
    found = by_ref(doc)
    assert "safeguarding" in found["CRR05"].qs
    assert "safe-systems" in [label.id for label in found["CRR06"].qs_labels]
    assert all(label.source == "keywords" for r in found.values() for label in r.qs_labels)


def test_the_register_text_alone_is_recognised_without_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "untitled.pdf"
    layouts.landscape_pdf(DATA, path)
    from assure.normalising import normalise
    from assure.reading import read_document

    kind, _ = detect_kind(normalise(read_document(path)))
    assert kind is DocumentKind.RISK_REGISTER
