"""CQC's scoring rule: percent of the maximum, rounded half up, then banded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assure.framework.model import Framework, load_framework


@dataclass(frozen=True, slots=True)
class Score:
    total: int
    maximum: int
    percent: int  # rounded, halves up
    exact_percent: float
    rating: str
    band_low: int  # the band's lowest whole percent
    band_high: int  # the band's highest whole percent
    nearer: str  # "above", "below" or "middle": which neighbouring band is closer

    def as_dict(self) -> dict[str, object]:
        return {"percent": self.percent, "rating": self.rating}


def score_statements(scores: Sequence[int], framework: Framework | None = None) -> Score:
    """Score the assessed statements' scores (each within the framework's scale).

    >>> score_statements([3, 3, 2, 3, 3, 3, 3, 3, 3]).as_dict()
    {'percent': 72, 'rating': 'Good'}
    """
    framework = framework or load_framework()
    if not scores:
        raise ValueError("no statement scores given")
    if len(scores) > len(framework.statements):
        raise ValueError(
            f"{len(scores)} scores given, but {framework.name} has "
            f"{len(framework.statements)} quality statements: one score each at most"
        )
    low, high = (framework.scale.min, framework.scale.max) if framework.scale else (1, 4)
    for value in scores:
        if not low <= value <= high:
            raise ValueError(f"score {value} is outside {low}-{high}")
    total, maximum = sum(scores), high * len(scores)
    exact = Decimal(100 * total) / Decimal(maximum)
    percent = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    bands = framework.ratings
    index = max((i for i, band in enumerate(bands) if percent >= band.min_percent), default=0)
    band_low = bands[index].min_percent
    band_high = bands[index + 1].min_percent - 1 if index + 1 < len(bands) else 100
    to_below, to_above = percent - band_low, band_high - percent
    nearer = "middle" if to_below == to_above else ("below" if to_below < to_above else "above")
    return Score(
        total=total,
        maximum=maximum,
        percent=percent,
        exact_percent=float(exact),
        rating=bands[index].name,
        band_low=band_low,
        band_high=band_high,
        nearer=nearer,
    )
