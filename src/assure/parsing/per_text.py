"""What the detectors and the chosen parser find in one text, found once.

Kind detection asks several families about the same opening, and a family's
ceiling and its detector, then its parser (where the document is no longer
than the opening), read the same lines for the same things: the pack's lines,
the plans, the statements' headings. ``once_per_text`` keeps a function's
answer for the last few texts it was asked about, by identity: a ``CleanText``
is frozen, so the answer for one never changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from threading import Lock
from typing import TypeVar

from assure.document import CleanText

T = TypeVar("T")
# Texts remembered per function: the document, its opening and one more in flight.
KEPT = 4


def once_per_text(function: Callable[[CleanText], T]) -> Callable[[CleanText], T]:
    """``function(text)``, computed once per text while it is among the last
    ``KEPT`` asked about. The answer is shared: callers must not change it."""
    kept: dict[int, tuple[CleanText, T]] = {}
    lock = Lock()

    @wraps(function)
    def remembered(text: CleanText) -> T:
        key = id(text)
        with lock:
            entry = kept.get(key)
        if entry is not None and entry[0] is text:
            return entry[1]
        value = function(text)
        with lock:
            kept.pop(key, None)
            kept[key] = (text, value)  # the text is held, so its id is not reused
            while len(kept) > KEPT:
                del kept[next(iter(kept))]
        return value

    return remembered
