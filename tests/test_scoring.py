"""The scoring rule against DESIGN.md's worked examples and every published rating."""

from __future__ import annotations

import csv
import json

import pytest

from assure.framework import score_statements

WORDS = {"Outstanding": 4, "Good": 3, "Requires improvement": 2, "Inadequate": 1}


@pytest.mark.parametrize(
    ("scores", "percent", "rating"),
    [
        ([3, 3, 2, 3, 3, 3, 3, 3, 3], 72, "Good"),
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], 25, "Inadequate"),
        ([4] * 9, 100, "Outstanding"),
        # 14 of 36 is 38.9%: rounds to 39, requires improvement
        ([2, 2, 2, 2, 1, 1, 1, 2, 1], 39, "Requires improvement"),
        # 20 of 32 (eight statements) is 62.5%: rounds half up to 63, good
        ([3, 3, 2, 2, 3, 3, 2, 2], 63, "Good"),
    ],
)
def test_worked_examples(scores, percent, rating):
    result = score_statements(scores)
    assert (result.percent, result.rating) == (percent, rating)


def test_out_of_range_score_is_refused():
    with pytest.raises(ValueError, match="outside"):
        score_statements([3, 5])


def test_more_scores_than_statements_are_refused(cli):
    result = cli("score", *["3"] * 10)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: 10 scores given, but ")
    assert result.stderr.rstrip().endswith("has 9 quality statements: one score each at most")
    assert cli("score", *["3"] * 9).stdout.startswith("75% Good")


def test_every_published_rating_is_reproduced(ratings_csv):
    rows = list(csv.DictReader(ratings_csv.open(encoding="utf-8")))
    rated = [r for r in rows if r["overall"] in WORDS]
    assert len(rated) >= 71
    wrong = []
    for row in rated:
        scores = [WORDS[row[f"qs{i}"]] for i in range(1, 10) if row[f"qs{i}"] in WORDS]
        got = score_statements(scores).rating
        if got != row["overall"]:
            wrong.append((row["authority"], row["overall"], got))
    assert wrong == []


def test_score_command_prints_percent_and_rating(cli):
    result = cli("score", "3", "3", "2", "3", "3", "3", "3", "3", "3")
    assert result.stdout.splitlines()[0] == "72% Good"
    result = cli("score", "--json", "3", "3", "2", "3", "3", "3", "3", "3", "3")
    assert json.loads(result.stdout) == {"percent": 72, "rating": "Good"}


def test_band_position():
    # 72% sits in 63-87: nearer the band below
    assert score_statements([3, 3, 2, 3, 3, 3, 3, 3, 3]).nearer == "below"
