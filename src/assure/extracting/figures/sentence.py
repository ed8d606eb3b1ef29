"""What one sentence holds, read once however often it is written.

Councils' documents repeat their sentences: a template's standard wording in
every report made from it, a strategy's boilerplate quoted in its action plan,
a running paragraph on every page. Reading a sentence's figures, periods and
measures depends on the sentence alone, so each distinct sentence is read once
and its reading kept (a bounded number of them, and only of sentences short
enough that keeping them costs little memory); what depends on where the
sentence stands (its lines, the measure carried from the sentence before) is
worked out afresh each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assure.extracting.figures.context import periods_in, provisional
from assure.extracting.figures.measures import measure_of
from assure.extracting.figures.numbers import Figure, figures_in

SENTENCES_KEPT = 4096  # distinct sentences whose readings are kept, the least used dropped
LONGEST_KEPT = 1000  # characters: a longer sentence is read afresh, and not kept


@dataclass(frozen=True, slots=True)
class SentenceFigures:
    """A sentence's figures, the periods written in it (with their offsets) and
    whether it calls its figures provisional. Periods and the flag are read
    only for a sentence with figures."""

    figures: tuple[Figure, ...]
    periods: tuple[tuple[int, str], ...] = ()
    provisional: bool = False


NO_FIGURES = SentenceFigures(())


def read_sentence(sentence: str) -> SentenceFigures:
    """The figures, periods and flag of ``sentence``."""
    if len(sentence) > LONGEST_KEPT:
        return _read(sentence)
    return _kept_reading(sentence)


def measure_in(sentence: str, start: int, end: int, money: bool = False) -> str | None:
    """``measure_of`` the figure at ``start``..``end`` of ``sentence``."""
    if len(sentence) > LONGEST_KEPT:
        return measure_of(sentence, start, end, money)
    return _kept_measure(sentence, start, end, money)


def _read(sentence: str) -> SentenceFigures:
    figures = tuple(figures_in(sentence))
    if not figures:
        return NO_FIGURES
    return SentenceFigures(figures, tuple(periods_in(sentence)), provisional(sentence))


_kept_reading = lru_cache(maxsize=SENTENCES_KEPT)(_read)
_kept_measure = lru_cache(maxsize=SENTENCES_KEPT)(measure_of)
