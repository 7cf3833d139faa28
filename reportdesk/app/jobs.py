"""The work that runs off the GUI thread: loading and comparing.

Plain functions over engine values, so the task runner can call them in a
worker thread and tests can call them directly.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path

# The window's process imports this module for its types and to name the jobs it sends
# the engine process; the comparing itself is looked up on the face when a job runs, so
# that process never imports it unless it compares by itself (issue 12: start-up).
from reportdesk import engine
from reportdesk.engine import CompareOptions, Comparison, Report, Screen, unpack_comparison


@dataclass(frozen=True)
class Opened:
    """Result of opening a pair: both reports and their first comparison."""

    old: Report
    new: Report
    comparison: Comparison
    series: dict[int, Report]
    seconds: float
    series_table: object | None = None  # engine.series.Series over all loaded years
    screen: Screen | None = None  # the marks of every line, when a live session was started


@dataclass(frozen=True)
class Recompared:
    revision: int  # the draft revision this result was computed on
    draft: Report
    comparison: Comparison
    seconds: float
    screen: Screen | None = None  # when the engine keeps it as a live session from now on


# Characters QTextDocument.toPlainText() gives back differently; the panes must hold the
# report's text exactly (offsets), so the report takes the form the editor will return.
_QT_PLAIN = str.maketrans({"\u00a0": " "})


def qt_plain(report: Report) -> Report:
    """``report`` with every text as a Qt text widget returns it (1:1, offsets unchanged)."""
    if "\u00a0" not in report.text:
        return report

    def fix(s: str) -> str:
        return s.translate(_QT_PLAIN)

    paragraphs = tuple(
        replace(p, text=fix(p.text), sentences=tuple(replace(st, text=fix(st.text)) for st in p.sentences))
        for p in report.paragraphs
    )
    sections = tuple(replace(sec, heading=fix(sec.heading)) for sec in report.sections)
    return replace(report, text=fix(report.text), paragraphs=paragraphs, sections=sections)


_loaded: dict[tuple[str, int, int], Report] = {}
_loading = threading.Lock()


def load(path: str) -> Report:
    """The report in a file, read once per version of the file while the process lives: the
    texts-first job and the comparison job of one opening both ask for it (at the same time,
    in two threads of the engine process; the second waits for the first)."""
    try:
        st = os.stat(path)
        key = (os.path.abspath(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return qt_plain(engine.load_report(path))  # let the loader say what is wrong
    with _loading:
        hit = _loaded.get(key)
        if hit is None:
            hit = _loaded[key] = qt_plain(engine.load_report(path))
            while len(_loaded) > 8:
                _loaded.pop(next(iter(_loaded)))
        return hit


def read_texts(old_path: str, new_path: str) -> tuple[str, str]:
    """Both texts, for the window to show while the comparison is computed."""
    return load(old_path).text, load(new_path).text


def _live(opened: Opened, sid: str) -> Opened:
    """Keep the comparison as live session ``sid`` where it was computed (the engine process)."""
    return replace(opened, screen=engine.live_start(sid, opened.comparison)) if sid else opened


# The comparison of the pair the program was started with, begun in the engine process
# before the window exists (``compare_ahead``); the window's own load takes it (or waits
# for it) instead of comparing a second time.  One at most, taken once.  Any other opening
# cancels it: it stops at its next step (each file read, each stage of the comparison)
# instead of taking the engine's CPU from the comparison the clerk is waiting for.
_ahead: dict[tuple[str, str, CompareOptions], Future[Comparison | None]] = {}
_ahead_lock = threading.Lock()


class _Unwanted(Exception):
    """The comparison made ahead was cancelled: another pair was opened first."""


def _ahead_key(old_path: str, new_path: str, options: CompareOptions) -> tuple[str, str, CompareOptions]:
    return os.path.abspath(old_path), os.path.abspath(new_path), options


def _drop_ahead_locked() -> None:
    for done in _ahead.values():
        done.cancel()  # never set running: a pending Future cancels, and says so to its maker
    _ahead.clear()


def drop_ahead() -> None:
    """Cancel the comparison made ahead, if any: something else is being opened."""
    with _ahead_lock:
        _drop_ahead_locked()


def compare_ahead(old_path: str, new_path: str, options: CompareOptions) -> None:
    """Load and compare a pair now, for the ``open_pair`` to come (start-up: the window is
    still being built).  A failure is left for that ``open_pair`` to meet and report."""
    done: Future[Comparison | None] = Future()
    with _ahead_lock:
        _drop_ahead_locked()
        _ahead[_ahead_key(old_path, new_path, options)] = done

    def wanted(_stage: str = "", _fraction: float = 0.0) -> None:
        if done.cancelled():
            raise _Unwanted

    def settle(value: Comparison | None) -> None:
        with _ahead_lock:  # cancelled under the same lock: it cannot come in between
            if not done.cancelled():
                done.set_result(value)

    try:
        old = load(old_path)
        wanted()
        new = load(new_path)
        wanted()
        settle(engine.compare(old, new, options, wanted))
    except _Unwanted:
        return
    except BaseException:
        settle(None)
        raise


def _take_ahead(old: Report, new: Report, options: CompareOptions) -> Comparison | None:
    """The comparison ``compare_ahead`` made (or is making) of these very reports, else None."""
    with _ahead_lock:
        done = _ahead.pop(_ahead_key(old.path, new.path, options), None)
        _drop_ahead_locked()  # any other pair opened first: the early one is not wanted
    c = done.result() if done is not None else None
    return c if c is not None and c.old is old and c.new is new else None


def open_pair(old_path: str, new_path: str, options: CompareOptions, sid: str = "") -> Opened:
    t0 = time.perf_counter()
    old = load(old_path)
    new = load(new_path)
    c = _take_ahead(old, new, options) or engine.compare(old, new, options)
    return _live(Opened(old, new, c, {}, time.perf_counter() - t0), sid)


@dataclass(frozen=True)
class PackedOpened:
    """``Opened`` for one pair in pieces (see ``engine.unpack_comparison``): rebuilt by
    ``unpack_opened`` in the window's worker thread without one long pause."""

    old: bytes
    new: bytes
    comparison: tuple[bytes, ...]
    seconds: float
    screen: Screen | None


def open_pair_packed(old_path: str, new_path: str, options: CompareOptions, sid: str = "") -> PackedOpened:
    o = open_pair(old_path, new_path, options, sid)
    dump = pickle.dumps
    return PackedOpened(dump(o.old, pickle.HIGHEST_PROTOCOL), dump(o.new, pickle.HIGHEST_PROTOCOL),
                        engine.pack_comparison(o.comparison, with_new=False), o.seconds, o.screen)


def unpack_opened(p: PackedOpened) -> Opened:
    # Hundreds of thousands of objects, alive as long as the pair is open: a collection in the
    # middle traversed them all holding the GIL (20-55 ms the window could not paint), so none
    # runs meanwhile and they go straight to the collector's permanent generation (the window
    # unfreezes and collects when another pair is opened: see DraftController.apply).
    was = gc.isenabled()
    gc.disable()
    try:
        old = pickle.loads(p.old)
        time.sleep(0)  # the window's thread runs between pieces
        new = pickle.loads(p.new)
        opened = Opened(old, new, unpack_comparison(p.comparison, old, new), {}, p.seconds, screen=p.screen)
        gc.freeze()
    finally:
        if was:
            gc.enable()
    return opened


def open_series(paths: list[str], options: CompareOptions, sid: str = "") -> Opened:
    """Several yearly reports: load all, compare the last two (by year, else by order)."""
    drop_ahead()
    t0 = time.perf_counter()
    reports = [load(p) for p in paths]
    keyed = sorted(enumerate(reports), key=lambda ir: (ir[1].year or 0, ir[0]))
    ordered = [r for _, r in keyed]
    series = {r.year: r for r in ordered if r.year}
    old, new = ordered[-2], ordered[-1]
    table = engine.target_series(ordered)
    return _live(Opened(old, new, engine.compare(old, new, options), series, time.perf_counter() - t0, table), sid)


def compare_in_series(
    old: Report, new: Report, options: CompareOptions, series: dict[int, Report], table: object | None, sid: str = ""
) -> Opened:
    """Another pair of an already loaded series: nothing is read from disk again."""
    drop_ahead()
    t0 = time.perf_counter()
    return _live(Opened(old, new, engine.compare(old, new, options), series, time.perf_counter() - t0, table), sid)


def recompare_draft(
    old: Report, base: Report, text: str, revision: int, options: CompareOptions, sid: str = ""
) -> Recompared:
    """Compare ``old`` with the draft's current ``text`` (``base`` gives path, title and year);
    with ``sid``, keep it as that live session (the engine's copy is started afresh)."""
    t0 = time.perf_counter()
    draft = engine.report_from_text(text, path=base.path, title=base.title, year=base.year)
    c = engine.compare(old, draft, options)
    screen = engine.live_start(sid, c, revision) if sid else None
    return Recompared(revision, draft, c, time.perf_counter() - t0, screen)


def report_files_in(folder: str) -> list[str]:
    """Report files in a folder (a yearly series), sorted by name."""
    exts = {".txt", ".docx", ".md"}
    return sorted(str(p) for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in exts)
