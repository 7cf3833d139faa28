"""The window follows the draft through the engine's live session (issue 12).

Random edits at random places, typed into the real window: once the exact pass
has landed, every line's marks in both panes equal those of a full compare of
the text on screen, and the fast path re-marked each edited line before it.
The session survives an engine restart (started afresh) and works without an
engine process (in a worker thread).
"""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    open_pair,
    screen_is_a_full_compare,
    settled,
    small_pair,
    type_text,
    window,
)

TYPED = "发展经济增长5%，。稳就业"


def _random_edit(w, rng: random.Random) -> None:
    editor = w.view.new_editor()
    doc = editor.document()
    while True:
        block = doc.findBlockByNumber(rng.randrange(doc.blockCount()))
        if block.length() > 2:
            break
    pos = block.position() + rng.randrange(1, block.length() - 1)
    if rng.random() < 0.25:
        cur = editor.textCursor()
        cur.setPosition(pos)
        editor.setTextCursor(cur)
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))
    else:
        type_text(w, pos, rng.choice(TYPED))


def _type(qtbot, w, rng: random.Random, n: int) -> None:
    for _ in range(n):
        _random_edit(w, rng)
        rev = w.session.draft_revision
        qtbot.waitUntil(lambda r=rev: w.drafting.last_fast_revision >= r, timeout=LOAD_TIMEOUT)
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)


def test_random_edits_end_as_a_full_compare(qtbot, window, small_pair):
    w = window
    open_pair(qtbot, w, *small_pair)
    assert w.drafting.live
    rng = random.Random(7)
    for _ in range(3):
        _type(qtbot, w, rng, 6)  # typed in bursts: exact passes overtaken, then the last lands
        assert w.session.comparison.new.text == w.view.new_text()
        assert screen_is_a_full_compare(w)
    assert w.drafting.last_fast_latency is not None


def test_an_engine_restart_starts_the_session_again(qtbot, window, small_pair):
    w = window
    open_pair(qtbot, w, *small_pair)
    w.runner.engine.restart()  # as after a timeout or 取消: the engine forgot the session
    rng = random.Random(8)
    _random_edit(w, rng)
    qtbot.waitUntil(lambda: w.drafting.live and settled(w), timeout=LOAD_TIMEOUT)
    _type(qtbot, w, rng, 3)
    assert screen_is_a_full_compare(w)


def test_without_an_engine_process_the_session_runs_in_a_thread(qtbot, window, small_pair):
    w = window
    engine, w.runner.engine = w.runner.engine, None  # what happens where child processes are forbidden
    try:
        open_pair(qtbot, w, *small_pair)
        assert w.drafting.live
        _type(qtbot, w, random.Random(9), 4)
        assert screen_is_a_full_compare(w)
    finally:
        w.runner.engine = engine


@pytest.fixture
def held_load(window, monkeypatch):
    """The comparison of an opening waits for ``gate`` (in a worker thread of this process)."""
    import threading

    from reportdesk.app import jobs

    gate = threading.Event()
    real = jobs.open_pair_packed

    def held(*args):  # noqa: ANN002, ANN202
        gate.wait(LOAD_TIMEOUT / 1000)
        return real(*args)

    monkeypatch.setattr(jobs, "open_pair_packed", held)
    engine, window.runner.engine = window.runner.engine, None
    yield gate
    gate.set()
    window.runner.engine = engine


def test_the_texts_show_before_the_comparison(qtbot, window, small_pair, held_load):
    w = window
    w.files.open_pair(*small_pair)
    qtbot.waitUntil(lambda: w.view.new_text() != "", timeout=LOAD_TIMEOUT)
    assert w.session.comparison is None and w.view.new_editor().isReadOnly()
    assert w.status.cancel_button.isVisible()
    held_load.set()
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert not w.view.new_editor().isReadOnly() and w.session.comparison is not None
    assert screen_is_a_full_compare(w)


def test_cancel_ends_the_load_and_puts_back_what_was_shown(qtbot, window, small_pair, held_load):
    w = window
    w.files.open_pair(*small_pair)
    qtbot.waitUntil(lambda: w.view.new_text() != "", timeout=LOAD_TIMEOUT)
    w.status.cancel_button.click()  # (a job in the engine process would end at once; this thread runs on)
    assert not w.status.cancel_button.isVisible() and not w.status.busy_label.text()
    assert w.view.new_text() == "" and w.session.comparison is None  # nothing was open before
    held_load.set()
    qtbot.wait(300)
    assert w.session.comparison is None  # the cancelled result is dropped
