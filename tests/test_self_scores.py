"""Self-scores: stored per statement with rationale and evidence, and summed
by the framework's own rule."""

from __future__ import annotations

import json

import pytest

from assure.analysis.self_scores import StatementScore, check_score, summarise
from assure.framework import score_statements
from test_gaps_evidence import ashworth, stored_form

COUNCIL = "Ashworth County Council"


@pytest.fixture()
def pointed(library, settings, monkeypatch):
    """The CLI pointed at the test database, with Ashworth as the default council."""
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    if settings.database_url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", settings.database_url)
    else:
        monkeypatch.delenv("ASSURE_DATABASE_URL", raising=False)
    monkeypatch.setenv("ASSURE_COUNCIL", COUNCIL)
    return library


def test_latest_score_per_statement_counts() -> None:
    summary = summarise(
        [
            StatementScore("equity", 2),
            StatementScore("safeguarding", 3),
            StatementScore("equity", 4),
        ]
    )
    assert [(s.statement, s.score) for s in summary.statements] == [
        ("equity", 4),
        ("safeguarding", 3),
    ]
    assert summary.overall == score_statements([4, 3])
    assert len(summary.unscored) == 7


def test_unknown_statement_and_off_scale_score_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown quality statement 'safety'"):
        check_score("safety", 3)
    with pytest.raises(ValueError, match="outside 1-4"):
        check_score("equity", 5)


def test_scores_are_stored_and_the_overall_matches_the_scoring_rule(pointed, cli) -> None:
    scores = {
        "assessing-needs": 3,
        "healthier-lives": 3,
        "equity": 2,
        "care-provision": 3,
        "partnerships": 3,
        "safe-systems": 2,
        "safeguarding": 2,
        "governance": 3,
        "learning": 3,
    }
    for statement, score in scores.items():
        done = cli("self-score", statement, str(score), "--rationale", f"{statement} reasons")
        assert done.exit_code == 0, done.output
    stored = pointed.self_scores(COUNCIL)
    assert {r.statement: r.score for r in stored} == scores
    assert {r.rationale for r in stored} >= {"equity reasons"}

    expected = score_statements(list(scores.values()))
    shown = cli("self-scores")
    assert f"{expected.percent}% {expected.rating}" in shown.output  # 67% Good
    assert f"band {expected.band_low}-{expected.band_high}%" in shown.output
    assert "nearer the band below" in shown.output
    data = json.loads(cli("self-scores", "--json").output)
    assert (data["percent"], data["rating"]) == (expected.percent, expected.rating)
    assert data["nearer"] == "below"

    # A newer score replaces the old one in the total.
    cli("self-score", "equity", "4", "--rationale", "new survey results")
    rescored = json.loads(cli("self-scores", "--json").output)
    assert rescored["percent"] == score_statements(list({**scores, "equity": 4}.values())).percent
    assert rescored["percent"] != expected.percent


def test_evidence_must_be_stored_passages(pointed, cli) -> None:
    for parsed, lines in stored_form(ashworth()):
        pointed.add(parsed, COUNCIL, lines)
    passage = next(p for p in pointed.passages([COUNCIL]) if "audit programme" in p.passage.text)
    good = cli(
        "self-score",
        "assessing-needs",
        "3",
        "--rationale",
        "audited monthly",
        "--evidence",
        str(passage.id),
    )
    assert good.exit_code == 0
    assert pointed.self_scores(COUNCIL)[0].passage_ids == (passage.id,)
    bad = cli("self-score", "assessing-needs", "3", "--rationale", "x", "--evidence", "99999")
    assert bad.exit_code == 2 and "99999" in bad.output
