"""Remember per-report results while the report object lives.

The app re-compares after every pause in typing: the older report is the same
object each time, so what was derived from it (phrases, targets) need not be
derived again.  Reports are frozen, so a result computed for one stays valid;
entries die with their report (weak references), and a few are kept at most.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from reportdesk.engine.model import Report

T = TypeVar("T")
_MAX = 8


def per_report(fn: Callable[[Report], T]) -> Callable[[Report], T]:
    cache: OrderedDict[int, tuple[weakref.ref[Report], T]] = OrderedDict()
    lock = threading.Lock()

    @wraps(fn)
    def wrapper(report: Report) -> T:
        key = id(report)
        with lock:
            hit = cache.get(key)
            if hit is not None and hit[0]() is report:
                cache.move_to_end(key)
                return _copy(hit[1])
        value = fn(report)
        with lock:
            cache[key] = (weakref.ref(report), value)
            while len(cache) > _MAX:
                cache.popitem(last=False)
        return _copy(value)

    return wrapper


def _copy(value: T) -> T:
    # Callers may sort or extend a returned list; the cached one must not change.
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
