"""The draft on screen, the session's draft and the engine's copy stay one text.

Reviewer's defects of the live session: a failed load left another report's
text in the draft pane (and Save wrote it over the user's file); a whole
re-compare or a new pair left edits flowing to a session that no longer held
the window's text; 取消 ended every call in the shared engine process; an
export could use the comparison of an older draft.
"""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from reportdesk.app import jobs
from reportdesk.engine import LoadError
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    open_pair,
    save_dialog,
    screen_is_a_full_compare,
    settled,
    type_text,
    window,
)


@pytest.fixture
def hailar(tmp_path, corpus_dir) -> list[str]:
    out = []
    for year in (2017, 2018, 2019):
        dst = tmp_path / f"呼伦贝尔{year}.txt"
        shutil.copy(corpus_dir / "hailar" / f"{year}.txt", dst)
        out.append(str(dst))
    return out


def test_a_failed_load_puts_the_draft_back_and_save_keeps_it(qtbot, window, hailar, save_dialog, monkeypatch, tmp_path):
    w = window
    open_pair(qtbot, w, hailar[1], hailar[2])
    type_text(w, 0, "我的草稿修改")
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    mine = w.view.new_text()
    save_dialog.path = str(tmp_path / "mydraft.txt")
    assert w.files.save_as()
    saved = (tmp_path / "mydraft.txt").read_bytes()

    gate = threading.Event()

    def failing(*_args):  # noqa: ANN002, ANN202 - the comparison fails once the texts are shown
        gate.wait(LOAD_TIMEOUT / 1000)
        raise LoadError("比较失败（测试）", "simulated")

    monkeypatch.setattr(jobs, "open_pair_packed", failing)
    engine, w.runner.engine = w.runner.engine, None  # the patched job runs in this process
    try:
        assert w.files.open_pair(hailar[0], hailar[1])
        qtbot.waitUntil(lambda: w.view.new_text() != mine, timeout=LOAD_TIMEOUT)  # the other pair's text
        gate.set()
        qtbot.waitUntil(lambda: not w.runner.is_busy("load"), timeout=LOAD_TIMEOUT)
    finally:
        w.runner.engine = engine
    assert w.view.new_text() == mine and not w.view.new_editor().isReadOnly()
    type_text(w, 0, "再改")
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert w.files.save()
    assert (tmp_path / "mydraft.txt").read_text(encoding="utf-8-sig").startswith("再改我的草稿修改")
    assert saved != (tmp_path / "mydraft.txt").read_bytes()


def test_save_refuses_a_text_that_is_not_the_sessions_draft(qtbot, window, hailar, save_dialog, boxes, tmp_path):
    w = window
    open_pair(qtbot, w, hailar[1], hailar[2])
    target = tmp_path / "mydraft.txt"
    save_dialog.path = str(target)
    assert w.files.save_as()
    before = target.read_bytes()
    other = Path(hailar[0]).read_text(encoding="utf-8")
    w.view.set_texts(w.session.old_report.text, other, "a", "b")  # as a load shows its texts
    assert not w.files.save()
    assert target.read_bytes() == before
    assert any("不是当前草稿" in text for text in boxes.of("critical"))


@pytest.fixture
def threaded(window):
    """Jobs of the engine run in this process: the live sessions can be looked at."""
    engine, window.runner.engine = window.runner.engine, None
    yield window
    window.runner.engine = engine


def _type_and_settle(qtbot, w, edits) -> None:
    for pos, text in edits:
        type_text(w, pos, text)
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)


def test_a_whole_recompare_sends_no_edit_to_the_session_it_replaces(qtbot, threaded, hailar):
    from reportdesk.engine.session.live import _SESSIONS

    w = threaded
    open_pair(qtbot, w, hailar[1], hailar[2])
    _type_and_settle(qtbot, w, [(40, "稳就业")])
    first = w.session.sid
    w.drafting.recompare_now()  # as the clutter toggle and a change of compare options do
    assert not w.drafting.live  # edits wait for the new session (its own id), none go to the old one
    n = len(w.view.new_text())
    _type_and_settle(qtbot, w, [(20, "发展"), (n // 2, "，"), (10, "5%")])
    assert w.drafting.live and w.session.sid != first
    assert w.session.sid in _SESSIONS and first not in _SESSIONS  # the replaced one is closed
    assert _SESSIONS[w.session.sid].state.lines == w.view.new_text().split("\n")
    assert screen_is_a_full_compare(w)


def test_another_pair_opened_while_editing_gets_its_own_session(qtbot, threaded, hailar, boxes):
    from reportdesk.engine.session.live import _SESSIONS

    w = threaded
    open_pair(qtbot, w, hailar[1], hailar[2])
    type_text(w, 30, "稳就业")  # dirty: opening another pair asks, and the answer is Discard
    first = w.session.sid
    assert w.files.open_pair(hailar[0], hailar[1])
    type_text(w, 30, "新质生产力")  # typed while the other pair loads
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert w.session.new_path == hailar[1] and w.session.sid != first and first not in _SESSIONS
    _type_and_settle(qtbot, w, [(12, "高质量"), (50, "。")])
    assert _SESSIONS[w.session.sid].state.lines == w.view.new_text().split("\n")
    assert screen_is_a_full_compare(w)


@pytest.mark.parametrize("error", [LoadError("无法读取（测试）", "simulated"), RuntimeError("a bug")])
def test_a_failure_to_show_the_texts_first_is_not_hidden(qtbot, threaded, hailar, monkeypatch, error):
    w = threaded
    notes, bugs = [], []
    monkeypatch.setattr(w.status, "show_note", lambda text, *_a: notes.append(text))
    monkeypatch.setattr("sys.excepthook", lambda *a: bugs.append(a[1]))

    def failing(*_args):  # noqa: ANN002, ANN202
        raise error

    monkeypatch.setattr(jobs, "read_texts", failing)
    open_pair(qtbot, w, hailar[1], hailar[2])  # the load itself goes on
    if isinstance(error, LoadError):
        assert notes == ["无法读取（测试）"] and not bugs
    else:
        assert bugs == [error] and not notes


def test_export_never_uses_the_comparison_of_an_older_draft(qtbot, threaded, hailar, tmp_path, monkeypatch):
    import reportdesk.export.docx_review as review

    w = threaded
    open_pair(qtbot, w, hailar[1], hailar[2])
    older = w.session.comparison
    _type_and_settle(qtbot, w, [(30, "稳就业")])
    w.session.comparison = older  # nothing busy, yet the comparison is of an older draft
    used = []
    monkeypatch.setattr(review, "export_review", lambda c, path, _opts: used.append(c.new.text))
    done = []
    w.files.exported.connect(done.append)
    w.files.export(str(tmp_path / "审阅稿.docx"), {"form": "tracked", "author": "测试员"})
    qtbot.waitUntil(lambda: bool(done), timeout=LOAD_TIMEOUT)
    assert used == [w.view.new_text()]


def test_typing_freezes_nothing_more_for_the_collector(qtbot, window, hailar):
    """gc.freeze per applied comparison froze the cyclic garbage of every older draft's
    comparison for good (memory grew while typing): once per opened pair only."""
    import gc

    w = window
    open_pair(qtbot, w, hailar[1], hailar[2])
    frozen = gc.get_freeze_count()
    assert frozen > 0  # the pair's reports and first comparison
    for pos, text in [(30, "稳就业"), (60, "发展"), (90, "。")]:
        _type_and_settle(qtbot, w, [(pos, text)])
    assert gc.get_freeze_count() <= frozen  # (frozen objects freed by refcounting leave it)
