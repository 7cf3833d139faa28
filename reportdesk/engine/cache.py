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
from collections.abc import Callable
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
    by_content: OrderedDict[_Content, T] = OrderedDict()
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
            found = by_content.get(content)
        value = fn(report) if found is None else found
        with lock:
            cache[key] = (weakref.ref(report), value)
            while len(cache) > _MAX:
                cache.popitem(last=False)
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


class _Content:
    """What a per-report result may depend on: text, year, paragraphs and sections.  Hashed
    by the text and year only (a str keeps its hash; hashing every paragraph and sentence
    dataclass took milliseconds a call), compared whole."""

    __slots__ = ("_hash", "key")

    def __init__(self, report: Report) -> None:
        self.key = (report.text, report.year, report.paragraphs, report.sections)
        self._hash = hash((report.text, report.year))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Content) and self._hash == other._hash and self.key == other.key


def _content(report: Report) -> _Content:
    return _Content(report)


def _copy(value: T) -> T:
    # Callers may sort or extend a returned list; the cached one must not change.
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
