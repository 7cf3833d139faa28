"""Drafting in the real window: live re-compare, undo, find/replace, save, autosave, close, crash."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reportdesk.app.autosave import find_recoveries
from reportdesk.engine.load.loader import load_report
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    Btn,
    boxes,
    make_window,
    open_pair,
    pair,
    save_dialog,
    select,
    settled,
    type_text,
    window,
)

MARK = "本句为测试新增的内容。"


def _edit(qtbot, w, text=MARK):
    """Type a sentence after the first body sentence and wait for the comparison to follow."""
    pos = w.view.new_text().index("请予审议")
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        type_text(w, pos, text)
        assert w.session.dirty
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)


def test_typing_updates_the_change_list(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    before = len(w.session.comparison.changes)
    _edit(qtbot, w)
    c = w.session.comparison
    assert c.new.text == w.view.new_text()
    hits = [ch for ch in c.changes if MARK[:6] in ch.new_text]
    assert hits, "the typed sentence is a change"
    assert hits[0].id in w.navigator.visible_ids()
    assert len(c.changes) != before or hits
    assert w.isWindowModified() and w.menus.caption.text().endswith("*")
    assert w.drafting.last_latency is not None and w.drafting.last_latency < 5


def test_target_table_follows_the_draft(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    c = w.session.comparison
    gdp = next(t for t in c.target_changes if t.indicator == "国内生产总值")
    assert gdp.change == "unchanged"
    q = gdp.new  # "5%左右" in the draft: make it 6%
    i = w.view.new_text().index("5%", q.start)
    select(w, i, i + 1)
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        type_text(w, None, "6")
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    gdp2 = next(t for t in w.session.comparison.target_changes if t.indicator == "国内生产总值" and t.new)
    assert gdp2.change != "unchanged" and gdp2.new.quote.find("6%") >= 0
    m = w.targets.model
    cells = [" ".join(str(m.index(r, k).data() or "") for k in range(m.columnCount())) for r in range(m.rowCount())]
    assert any("国内生产总值" in row and "6%" in row for row in cells)


def test_stale_results_are_dropped_while_typing(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    pos = w.view.new_text().index("请予审议")
    dropped = []
    w.runner.result_dropped.connect(dropped.append)
    w.drafting.stale.connect(dropped.append)
    for ch in "连续输入多个字":
        type_text(w, pos, ch)
        w.drafting.recompare_now()  # force a compare per keystroke: most become stale
        pos += 1
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert dropped, "older comparisons were thrown away, not shown"
    assert w.session.comparison.new.text == w.view.new_text()
    assert "连续输入多个字" in w.session.comparison.new.text


def test_undo_redo_and_the_comparison_follows(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    original = w.view.new_text()
    _edit(qtbot, w)
    assert w.actions_.undo.isEnabled()
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        w.actions_.undo.trigger()
        assert w.view.new_text() == original
        assert not w.session.dirty
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert w.session.comparison.new.text == original
    w.actions_.redo.trigger()
    assert MARK in w.view.new_text()


def test_replace_all_is_one_undo_step(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    original = w.view.new_text()
    n = original.count("高质量")
    w.prefs.show_find(True)
    d = w.prefs.find_dialog
    d.find_edit.setText("高质量")
    d.replace_edit.setText("高水平")
    assert d.replace_everything() == n > 3
    assert "高质量" not in w.view.new_text()
    w.view.new_editor().undo()
    assert w.view.new_text() == original
    assert d.find_match(False)
    assert w.view.new_editor().textCursor().selectedText() == "高质量"
    d.close()


@pytest.mark.parametrize("ext", [".txt", ".docx"])
def test_save_as_and_reopen_round_trip(qtbot, window, pair, save_dialog, tmp_path, ext):
    w = window
    open_pair(qtbot, w, *pair)
    _edit(qtbot, w)
    out = tmp_path / f"修改稿{ext}"
    save_dialog.path = str(out)
    assert w.files.save_as()
    assert not w.session.dirty and "*" not in w.menus.caption.text()
    saved = w.view.new_text()
    assert load_report(out).text == saved
    assert Path(pair[1]).read_text(encoding="utf-8") != saved  # the opened file was not touched
    # a later Save goes to the same file without asking
    asked = save_dialog.asked
    type_text(w, 0, "")  # no-op
    assert w.files.save() and save_dialog.asked == asked
    open_pair(qtbot, w, pair[0], str(out))
    assert w.view.new_text() == saved
    assert any(ch.new_text and MARK[:6] in ch.new_text for ch in w.session.comparison.changes)


def test_save_asks_before_overwriting_the_opened_file(qtbot, window, pair, boxes, save_dialog):
    w = window
    open_pair(qtbot, w, *pair)
    original_bytes = Path(pair[1]).read_bytes()
    _edit(qtbot, w)
    boxes.answers["question"] = Btn.No
    save_dialog.path = ""  # then cancels Save As
    assert not w.files.save()
    assert any("2025年政府工作报告.txt" in q for q in boxes.of("question"))
    assert save_dialog.asked == 1
    assert Path(pair[1]).read_bytes() == original_bytes
    assert w.session.dirty
    boxes.answers["question"] = Btn.Yes
    assert w.files.save()
    assert load_report(pair[1]).text == w.view.new_text()
    n = len(boxes.of("question"))
    type_text(w, 0, "一")
    assert w.files.save()  # agreed once: no second question
    assert len(boxes.of("question")) == n


def test_close_with_unsaved_changes_prompts(qtbot, tmp_path, pair, boxes, save_dialog):
    w = make_window(qtbot, tmp_path)
    open_pair(qtbot, w, *pair)
    _edit(qtbot, w)
    boxes.answers["warning"] = Btn.Cancel
    assert not w.close()
    assert w.isVisible() and len(boxes.of("warning")) == 1
    boxes.answers["warning"] = Btn.Save
    save_dialog.path = str(tmp_path / "out.txt")
    assert w.close()
    assert load_report(tmp_path / "out.txt").text.count(MARK) == 1
    assert not list((tmp_path / "data" / "autosave").glob("*.json"))  # clean exit: nothing to recover


def test_close_without_changes_does_not_ask(qtbot, tmp_path, pair, boxes):
    w = make_window(qtbot, tmp_path)
    open_pair(qtbot, w, *pair)
    assert w.close()
    assert boxes.of("warning") == []


def test_autosave_file_appears_while_dirty(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    w.autosaver.set_interval(1)
    _edit(qtbot, w)
    qtbot.waitUntil(lambda: w.autosaver.path.exists(), timeout=5000)
    from reportdesk.app.autosave import DraftSnapshot

    snap = DraftSnapshot.from_json(w.autosaver.path.read_bytes())
    assert snap.text == w.view.new_text() and snap.old_path == pair[0] and snap.new_path == pair[1]
    assert find_recoveries(w.data_dir) == []  # our own draft while we run is not a "crash"


CRASHING_SESSION = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from reportdesk.gui import guard_none_refcount
    guard_none_refcount()
    app = QApplication([])
    from reportdesk.app.settings import Settings
    from reportdesk.ui.main_window import MainWindow
    folder, old, new, mark = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    w = MainWindow(Settings.from_ini(folder / "settings.ini"), folder / "data")
    w.show()
    w.files.open_pair(old, new)
    deadline = time.monotonic() + 120
    while w.session.comparison is None:
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            os._exit(4)
    cur = w.view.new_editor().textCursor()
    cur.setPosition(w.view.new_text().index("请予审议"))
    cur.insertText(mark)
    app.processEvents()
    assert w.session.dirty
    assert w.autosaver.tick()
    os._exit(3)  # the process dies without closing
    """
)


def test_recovery_after_a_crash_restores_the_draft(qtbot, tmp_path, pair, boxes):
    r = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, str(tmp_path), *pair, MARK],
        capture_output=True, text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 3, r.stderr[-2000:]
    assert len(find_recoveries(tmp_path / "data")) == 1
    from reportdesk import gui

    w = make_window(qtbot, tmp_path)
    boxes.answers["question"] = Btn.Yes
    gui._start(w, [])
    assert any("Restore" in t or "恢复" in t for t in boxes.of("question"))
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert MARK in w.view.new_text()
    assert w.session.dirty and w.session.new_path == pair[1]
    assert any(MARK[:6] in ch.new_text for ch in w.session.comparison.changes)
    assert find_recoveries(tmp_path / "data") == []  # offered once
    w.session.saved_text = w.session.draft_text
    w.close()


CRASH_WHILE_RESTORING = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMessageBox
    from reportdesk.gui import guard_none_refcount
    guard_none_refcount()
    app = QApplication([])
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    from reportdesk import gui
    from reportdesk.app.settings import Settings
    from reportdesk.ui.main_window import MainWindow
    folder = Path(sys.argv[1])
    w = MainWindow(Settings.from_ini(folder / "settings.ini"), folder / "data")
    w.show()
    gui._start(w, [])  # offers the recovery, the answer is yes, reloading starts
    assert w.session.comparison is None  # still reloading
    os._exit(5)  # a second crash before the draft is back on screen
    """
)


def test_a_crash_while_restoring_loses_nothing(tmp_path, pair):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(tmp_path), *pair, MARK],
                       capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 3, r.stderr[-2000:]
    for _ in range(3):  # crash again and again during the restore
        r = subprocess.run([sys.executable, "-c", CRASH_WHILE_RESTORING, str(tmp_path)],
                           capture_output=True, text=True, timeout=180, env=env)
        assert r.returncode == 5, r.stderr[-2000:]
        found = find_recoveries(tmp_path / "data")
        assert len(found) == 1 and MARK in found[0].snapshot.text
        assert found[0].snapshot.new_path == pair[1]
        found[0]._lock.unlock()


def test_a_recovery_that_cannot_be_kept_is_not_deleted(qtbot, tmp_path, pair, boxes, monkeypatch):
    r = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, str(tmp_path), *pair, MARK],
        capture_output=True, text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 3, r.stderr[-2000:]
    from reportdesk import gui

    w = make_window(qtbot, tmp_path)
    monkeypatch.setattr(w.autosaver, "write", lambda snap=None: False)  # disk full, say
    boxes.answers["question"] = Btn.Yes
    gui._start(w, [])
    assert boxes.of("critical") or boxes.of("warning")
    assert w.session.comparison is None
    w.close()
    leftover = sorted((tmp_path / "data" / "autosave").glob("draft-*.json"))
    assert any(MARK in p.read_text(encoding="utf-8") for p in leftover)


@pytest.mark.qt_no_exception_capture
def test_unexpected_exception_shows_crash_dialog_and_keeps_the_draft(qtbot, window, pair, monkeypatch):
    from reportdesk.app.autosave import DraftSnapshot
    from reportdesk.app.crash import CrashHandler

    w = window
    open_pair(qtbot, w, *pair)
    shown = []
    handler = CrashHandler(w.data_dir, w.save_draft_for_crash, lambda summary, log: shown.append((summary, log)))
    monkeypatch.setattr(sys, "excepthook", handler)

    def broken(_c):
        raise RuntimeError("测试用的意外错误")

    monkeypatch.setattr(w.targets, "set_comparison", broken)
    type_text(w, w.view.new_text().index("请予审议"), MARK)
    qtbot.waitUntil(lambda: bool(shown), timeout=LOAD_TIMEOUT)
    summary, log = shown[0]
    assert "测试用的意外错误" in summary and log.exists()
    assert DraftSnapshot.from_json(w.autosaver.path.read_bytes()).text == w.view.new_text()
    assert MARK in w.view.new_text()  # the draft is still on screen


def test_export_right_after_typing_includes_the_last_keystrokes(qtbot, window, pair, tmp_path):
    from docx import Document

    import reportdesk.export.docx_review  # noqa: F401

    w = window
    open_pair(qtbot, w, *pair)
    type_text(w, w.view.new_text().index("请予审议"), MARK)
    assert w.drafting.pending()
    out = tmp_path / "审阅稿.docx"
    done = []
    w.files.exported.connect(done.append)
    w.files.export(str(out), {"form": "tracked", "author": "测试员"})
    qtbot.waitUntil(lambda: bool(done), timeout=LOAD_TIMEOUT)
    body = "".join(t.text or "" for t in Document(str(out)).element.body.iter() if t.tag.endswith("}t"))
    assert MARK in body


def test_save_as_refuses_last_years_report(qtbot, window, pair, boxes, save_dialog):
    w = window
    open_pair(qtbot, w, *pair)
    before = Path(pair[0]).read_bytes()
    _edit(qtbot, w)
    save_dialog.path = pair[0]
    assert not w.files.save_as()
    assert Path(pair[0]).read_bytes() == before
    assert any("上一年" in m for m in boxes.of("critical"))
    assert w.session.dirty


def test_opening_another_pair_asks_about_the_unsaved_draft(qtbot, window, pair, boxes, corpus_dir):
    w = window
    open_pair(qtbot, w, *pair)
    _edit(qtbot, w)
    other = str(corpus_dir / "national" / "2023.txt")
    boxes.answers["warning"] = Btn.Cancel
    assert not w.files.open_pair(other, pair[0])
    assert MARK in w.view.new_text() and w.session.dirty
    boxes.answers["warning"] = Btn.Discard
    assert w.files.open_pair(other, pair[0])
    qtbot.waitUntil(lambda: settled(w) and w.session.old_report.year == 2023, timeout=LOAD_TIMEOUT)
    assert MARK not in w.view.new_text() and not w.session.dirty
