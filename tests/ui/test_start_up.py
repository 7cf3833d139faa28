"""Start-up (issue 12): the texts first, one pane per turn of the event loop, and never over
a comparison that arrived in between."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import threading

import pytest

from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    screen_is_a_full_compare,
    settled,
    small_pair,
    window,
)


@pytest.fixture
def held(window, monkeypatch):
    """The opening's comparison waits for the gate (in a worker thread of this process), and the
    second half of the texts-first display waits in ``later`` until the test runs it."""
    from reportdesk.app import jobs
    from reportdesk.ui.controllers import loading

    gate = threading.Event()
    real = jobs.open_pair_packed
    later: list = []

    def held_load(*args):  # noqa: ANN002, ANN202
        gate.wait(LOAD_TIMEOUT / 1000)
        return real(*args)

    class Timer:
        @staticmethod
        def singleShot(_ms, _ctx, fn):  # noqa: N802, ANN001, ANN205
            later.append(fn)

    monkeypatch.setattr(jobs, "open_pair_packed", held_load)
    monkeypatch.setattr(loading, "QTimer", Timer)
    engine, window.runner.engine = window.runner.engine, None
    yield gate, later
    gate.set()
    window.runner.engine = engine


def test_the_old_text_first_then_the_draft(qtbot, window, small_pair, held):
    gate, later = held
    w = window
    w.files.open_pair(*small_pair)
    qtbot.waitUntil(lambda: bool(later), timeout=LOAD_TIMEOUT)
    assert w.view.old_text() and w.view.new_text() == "" and w.session.comparison is None
    later.pop()()
    assert w.view.new_text() and w.view.new_editor().isReadOnly()
    gate.set()
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert screen_is_a_full_compare(w)


def test_a_comparison_that_came_first_stays(qtbot, window, small_pair, held):
    gate, later = held
    w = window
    w.files.open_pair(*small_pair)
    qtbot.waitUntil(lambda: bool(later), timeout=LOAD_TIMEOUT)
    gate.set()
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    shown = w.session.comparison
    later.pop()()  # the draft's half, late: the comparison is on screen already
    assert w.view.comparison() is shown and not w.view.new_editor().isReadOnly()
    assert screen_is_a_full_compare(w)


def test_outlines_follow_as_a_panel_step_and_never_show_the_previous_pair(qtbot, window, small_pair, tmp_path, corpus_dir):
    """The outline trees are filled after the first comparison is painted (a step of the panels,
    not the same turn of the event loop), and a newly opened pair never shows the old headings."""
    from tests.ui.main_window_support import copy_reports, open_pair

    w = window
    open_pair(qtbot, w, *small_pair)
    old, new = w.session.old_report, w.session.new_report
    assert w.outline_new.report is new and w.outline_old.report is old
    assert w.outline_new.titles() and len(w.outline_old.titles()) == len(old.sections)

    applied = []
    w.drafting.applied.connect(lambda _c: applied.append((w.outline_new.titles(), w.outline_old.titles())))
    open_pair(qtbot, w, *copy_reports(tmp_path / "more", corpus_dir, "hailar", (2016, 2017), "{}.txt"))
    assert applied and applied[0] == ([], [])  # emptied at open, not yet filled when it paints
    assert w.outline_new.report is w.session.new_report is not new
    assert len(w.outline_new.titles()) == len(w.session.new_report.sections)
