"""A council's own scores per quality statement, and what they add up to.

The scores themselves are stored by the library (``Library.set_self_score``);
this module validates a new one and summarises the latest score of each
statement with the framework's scoring rule (``score_statements``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assure.framework.model import Framework, load_framework
from assure.framework.scoring import Score, score_statements


@dataclass(frozen=True, slots=True)
class StatementScore:
    """One stored self-score: the statement, the score, why, and the passages behind it."""

    statement: str
    score: int
    rationale: str | None = None
    evidence: tuple[int, ...] = ()
    user: str | None = None
    created_at: str | None = None  # ISO timestamp


@dataclass(frozen=True, slots=True)
class SelfAssessment:
    """The latest score of each scored statement (in framework order), the
    statements not scored yet, and the overall result of the scored ones."""

    statements: tuple[StatementScore, ...]
    unscored: tuple[str, ...]
    overall: Score | None

    def describe(self) -> str:
        """``"72% Good (26 of 36; band 63-87%, nearer the band below)"``, or a note when empty."""
        if self.overall is None:
            return "no statements scored yet"
        return f"{self.overall.percent}% {self.overall.rating} ({position(self.overall)})"


def check_score(statement: str, score: int, framework: Framework | None = None) -> None:
    """Raise ``ValueError`` naming the problem when ``statement`` is not in the
    framework or ``score`` is off its scale."""
    framework = framework or load_framework()
    known = [s.id for s in framework.statements]
    if statement not in known:
        raise ValueError(f"unknown quality statement {statement!r} (have: {', '.join(known)})")
    low, high = (framework.scale.min, framework.scale.max) if framework.scale else (1, 4)
    if not low <= score <= high:
        raise ValueError(f"score {score} is outside {low}-{high}")


def summarise(
    scores: Iterable[StatementScore], framework: Framework | None = None
) -> SelfAssessment:
    """The latest score per statement (later items win) and the overall result.

    >>> summarise([StatementScore("equity", 2), StatementScore("equity", 3)]).describe()
    '75% Good (3 of 4; band 63-87%, mid-band)'
    """
    framework = framework or load_framework()
    latest: dict[str, StatementScore] = {}
    for item in scores:
        latest[item.statement] = item
    ordered = tuple(latest[s.id] for s in framework.statements if s.id in latest)
    unscored = tuple(s.id for s in framework.statements if s.id not in latest)
    overall = score_statements([s.score for s in ordered], framework) if ordered else None
    return SelfAssessment(ordered, unscored, overall)


def position(score: Score) -> str:
    """Where a percentage sits in its band, in words."""
    if score.nearer == "middle":
        where = "mid-band"
    elif score.nearer == "above" and score.band_high >= 100:
        where = "in the top band"
    else:
        where = f"nearer the band {score.nearer}"
    return f"{score.total} of {score.maximum}; band {score.band_low}-{score.band_high}%, {where}"
