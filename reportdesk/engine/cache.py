"""Remember per-report results while the report object lives, and by its content.

The app re-compares after every pause in typing: the older report is the same
object each time, so what was derived from it (phrases, targets) need not be
derived again.  Reports are frozen, so a result computed for one stays valid;
entries die with their report (weak references), and a few are kept at most.

A new report object with the same content (a re-compare of the same text, an
undo back to it) finds the result by its content: text, year, paragraphs and
sections, all that these functions read (the path and the raw text do not count).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

from reportdesk.engine.model import Report

T = TypeVar("T")
_MAX = 8
_CLEARS: list[Callable[[], None]] = []


def clear() -> None:
    """Forget every per-report result (benchmarks time a first compare with this)."""
    for fn in _CLEARS:
        fn()


def per_report(fn: Callable[[Report], T]) -> Callable[[Report], T]:
    cache: OrderedDict[int, tuple[weakref.ref[Report], T]] = OrderedDict()
    by_content: OrderedDict[Hashable, T] = OrderedDict()
    lock = threading.Lock()

    @wraps(fn)
    def wrapper(report: Report) -> T:
        key = id(report)
        with lock:
            hit = cache.get(key)
            if hit is not None and hit[0]() is report:
                cache.move_to_end(key)
                return _copy(hit[1])
        content = _content(report)
        with lock:
            found = by_content.get(content) if content is not None else None
        value = fn(report) if found is None else found
        with lock:
            cache[key] = (weakref.ref(report), value)
            while len(cache) > _MAX:
                cache.popitem(last=False)
            if content is not None:
                by_content[content] = value
                by_content.move_to_end(content)
                while len(by_content) > _MAX:
                    by_content.popitem(last=False)
        return _copy(value)

    def forget() -> None:
        with lock:
            cache.clear()
            by_content.clear()

    _CLEARS.append(forget)
    return wrapper


def _content(report: Report) -> Hashable | None:
    """What a per-report result may depend on; None when it cannot be hashed."""
    key = (report.text, report.year, report.paragraphs, report.sections)
    try:
        hash(key)  # hashes the paragraphs (frozen dataclasses) once: well under a millisecond
    except TypeError:
        return None
    return key


def _copy(value: T) -> T:
    # Callers may sort or extend a returned list; the cached one must not change.
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
