"""Start-up: the pair given on the command line is compared in the engine process while the
window is built, and the window's load takes that comparison instead of comparing again."""

from __future__ import annotations

import os

import pytest

from reportdesk.app import jobs
from reportdesk.app.engine_process import EngineProcess
from reportdesk.engine.errors import LoadError
from reportdesk.engine.model import CompareOptions


def _write_pair(tmp_path):
    a, b = tmp_path / "2024.txt", tmp_path / "2025.txt"
    a.write_text("政府工作报告\n一、总体要求\n今年经济增长5%左右。\n", encoding="utf-8")
    b.write_text("政府工作报告\n一、总体要求\n今年经济增长4.5%左右。\n", encoding="utf-8")
    return str(a), str(b)


@pytest.fixture
def counted(monkeypatch):
    calls: list[int] = []
    real = jobs.engine.compare

    def compare(old, new, options, progress=None):
        calls.append(1)
        return real(old, new, options, progress)

    monkeypatch.setattr(jobs.engine, "compare", compare)  # jobs looks it up on the face per call
    yield calls
    jobs._ahead.clear()


def test_the_load_takes_the_comparison_made_ahead(tmp_path, counted):
    a, b = _write_pair(tmp_path)
    jobs.compare_ahead(a, b, CompareOptions())
    o = jobs.open_pair(a, b, CompareOptions(), "")
    assert len(counted) == 1 and o.comparison.old is o.old and o.comparison.new is o.new
    assert any("4.5%" in ch.new_text for ch in o.comparison.changes)
    jobs.open_pair(a, b, CompareOptions(), "")  # taken once: the next load compares afresh
    assert len(counted) == 2


def test_other_options_or_another_pair_compare_afresh(tmp_path, counted):
    a, b = _write_pair(tmp_path)
    jobs.compare_ahead(a, b, CompareOptions())
    o = jobs.open_pair(a, b, CompareOptions(detect_moves=False), "")
    assert len(counted) == 2 and not jobs._ahead  # the early one is dropped, not kept for later
    assert o.comparison.new is o.new
    jobs.compare_ahead(a, b, CompareOptions())
    jobs.open_pair(b, a, CompareOptions(), "")
    assert len(counted) == 4 and not jobs._ahead


def test_a_file_that_changed_since_is_compared_again(tmp_path, counted):
    a, b = _write_pair(tmp_path)
    jobs.compare_ahead(a, b, CompareOptions())
    with open(b, "a", encoding="utf-8") as f:
        f.write("稳定就业。\n")
    os.utime(b, ns=(os.stat(b).st_atime_ns, os.stat(b).st_mtime_ns + 10**9))
    o = jobs.open_pair(a, b, CompareOptions(), "")
    assert len(counted) == 2 and "稳定就业" in o.comparison.new.text


def test_a_failure_ahead_is_met_again_by_the_load(tmp_path, counted):
    a, _ = _write_pair(tmp_path)
    missing = str(tmp_path / "gone.txt")
    with pytest.raises(LoadError):
        jobs.compare_ahead(a, missing, CompareOptions())
    with pytest.raises(LoadError):
        jobs.open_pair(a, missing, CompareOptions(), "")


def test_opening_another_pair_first_cancels_the_comparison_made_ahead(tmp_path, monkeypatch):
    """The clerk opens something else (a recovered draft, another pair) before the window took
    the early comparison: it stops at its next stage instead of burning the engine's CPU."""
    import threading

    a, b = _write_pair(tmp_path)
    real = jobs.engine.compare
    at_align, go = threading.Event(), threading.Event()
    stages: list[str] = []

    def compare(old, new, options, progress=None):
        if progress is None:  # the window's own comparison
            return real(old, new, options)
        progress("align", 0.0)
        at_align.set()
        assert go.wait(30)  # hang guard
        for stage in ("diff", "targets", "done"):
            progress(stage, 0.5)
            stages.append(stage)
        return real(old, new, options)

    monkeypatch.setattr(jobs.engine, "compare", compare)
    ahead = threading.Thread(target=jobs.compare_ahead, args=(a, b, CompareOptions()))
    ahead.start()
    assert at_align.wait(30)
    o = jobs.open_pair(b, a, CompareOptions(), "")  # another pair, while the early one aligns
    go.set()
    ahead.join(30)
    assert not ahead.is_alive() and stages == [] and not jobs._ahead
    assert o.old.path == b and o.comparison.new is o.new


def test_a_series_opened_first_cancels_it_too(tmp_path):
    a, b = _write_pair(tmp_path)
    from concurrent.futures import Future

    done: Future = Future()
    jobs._ahead[jobs._ahead_key(a, b, CompareOptions())] = done  # as if comparing ahead now
    jobs.open_series([a, b], CompareOptions(), "")
    assert done.cancelled() and not jobs._ahead


def test_posted_work_runs_in_the_engine_and_the_next_call_takes_it(tmp_path):
    a, b = _write_pair(tmp_path)
    e = EngineProcess()
    try:
        assert e.post(jobs.compare_ahead, a, b, CompareOptions())
        o = e.call(jobs.open_pair, a, b, CompareOptions(), "")
        assert o.comparison.new.text == o.new.text and any("4.5%" in ch.new_text for ch in o.comparison.changes)
    finally:
        e.close()


def test_an_engine_started_early_is_adopted_and_told_the_journal(tmp_path, monkeypatch):
    from reportdesk.app import engine_boot
    from reportdesk.export import inflight

    monkeypatch.delenv("REPORTDESK_ENGINE", raising=False)
    monkeypatch.setenv(inflight.JOURNAL_ENV, str(tmp_path / "before"))  # restored afterwards
    monkeypatch.setattr(inflight, "_journal", None)
    engine_boot.start_early()
    early = engine_boot._early
    assert early is not None
    inflight.set_journal_dir(tmp_path / "journal")  # set after the child started (gui.run_gui's order)
    e = EngineProcess()
    try:
        assert e.call(os.getpid) == early[0].pid  # adopted, not a second child
        assert e.call(inflight.journal_dir) == tmp_path / "journal"
        assert engine_boot.take_early() is None
    finally:
        e.close()


def test_the_gui_module_imports_neither_qt_nor_the_engine_before_the_engine_process_starts():
    import subprocess
    import sys

    code = ("import sys, reportdesk.gui; "
            "print(sorted({m.split('.')[0] if m.startswith('PySide6') else m for m in sys.modules "
            "if m.startswith(('PySide6', 'reportdesk.engine', 'reportdesk.ui'))}))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
