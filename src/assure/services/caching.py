"""Results that take long to compute (the gap matrix, the draft, figures
compared across documents) kept per process until what is stored changes.

Every read first takes the library's fingerprint (one small query); a result
computed under another fingerprint is computed again, by one thread while
the others asking for it wait (so a burst of requests computes it once).
Nothing here widens a scope: callers check the scope before they ask, and the
council is part of every key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from assure.storing import Library

T = TypeVar("T")
KEEP = 128  # results kept per process, least recently used dropped first

_lock = threading.Lock()
_kept: OrderedDict[Hashable, Any] = OrderedDict()
_computing: dict[Hashable, threading.Lock] = {}


def kept(library: Library, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the result it gave for ``key`` since nothing changed."""
    version = library.version()
    full = (id(library), version, key)
    with _lock:
        if full in _kept:
            _kept.move_to_end(full)
            return _kept[full]
        computing = _computing.setdefault(full, threading.Lock())
    with computing:
        with _lock:
            if full in _kept:  # another thread computed it while we waited
                return _kept[full]
        value = compute()
        with _lock:
            _kept[full] = value
            _computing.pop(full, None)
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    return value
