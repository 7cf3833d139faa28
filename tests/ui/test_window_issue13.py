"""Issue 13, the window: columns that fit, the change position, find/replace, demo files,
English labels, swapped or identical reports — observed as a user sees them."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTableView, QTextEdit, QToolBar, QToolButton

from reportdesk.app.settings import Settings
from reportdesk.gui import demo_paths
from reportdesk.ui.dialogs.find_replace import FindReplaceDialog
from reportdesk.ui.main_window import MainWindow
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    Btn,
    boxes,
    make_window,
    open_pair,
    pair,
    save_dialog,
    settled,
    type_text,
    window,
)

ESSENTIAL = (0, 1, 3, 4)  # 指标, 上年目标, 本年目标, 变化


def _fully_visible(view: QTableView, col: int) -> bool:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(col)
    return not view.isColumnHidden(col) and x >= 0 and x + header.sectionSize(col) <= view.viewport().width()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_essential_target_columns_show_without_scrolling(qtbot, window, pair, size):
    w = window
    w.resize(*size)
    open_pair(qtbot, w, *pair)
    for layout in ("tabbed", "all panels"):
        if layout == "all panels":
            w.show_all_panels()
        w.targets_dock.raise_()
        qtbot.wait(50)
        table = w.targets.table
        for col in ESSENTIAL:
            assert _fully_visible(table, col), (layout, col, table.viewport().width())
        assert table.horizontalScrollBar().maximum() == 0
        # the change list: its 变化 column starts inside the view with room to read
        w.navigator_dock.raise_()
        qtbot.wait(50)
        nav = w.navigator.view
        header = nav.header()
        assert header.sectionViewportPosition(3) + 60 < nav.viewport().width()


def test_the_dock_layout_is_remembered(qtbot, tmp_path, boxes):
    # (smaller than the offscreen screen's 800×600: a restored geometry is kept on screen)
    w = make_window(qtbot, tmp_path)
    w.resize(780, 560)
    w.resizeDocks([w.navigator_dock], [380], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    chosen = w.navigator_dock.width()
    w.close()
    w2 = MainWindow(Settings.from_ini(tmp_path / "settings.ini"), tmp_path / "data")
    qtbot.addWidget(w2)
    w2.show()
    qtbot.waitExposed(w2)
    assert abs(w2.navigator_dock.width() - chosen) <= 4
    w2.close()


def test_position_toolbar_and_filter(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    total = len(w.session.comparison.changes)
    label = w.status.position_label
    assert label.isVisible() and label.text() == f"{total} changes"
    w.view.next_change()
    w.view.next_change()
    assert label.text() == f"Change {w.view.current_change() + 1} of {total}"
    # one arrow per button: the icon
    tb = w.findChild(QToolBar, "mainToolbar")
    texts = [b.text() for b in tb.findChildren(QToolButton)]
    assert "Previous" in texts and "Next" in texts
    assert not any(re.search("[◀▶▲▼]", t) for t in texts)
    # a new comparison starts with the change list unfiltered
    w.navigator.set_filter("", "就业")
    assert w.navigator.proxy.rowCount() < w.navigator.model.rowCount()
    open_pair(qtbot, w, *pair)
    assert w.navigator.search.text() == ""
    assert w.navigator.proxy.rowCount() == w.navigator.model.rowCount()


def test_a_recompare_keeps_the_current_change(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    c = w.session.comparison
    # a change well into the text, with a span in the earlier report
    ch = next(x for x in c.changes[len(c.changes) // 2:] if x.old is not None)
    w.view.show_change(ch.id)
    type_text(w, 0, "新")  # an edit above it shifts every later change
    qtbot.waitUntil(lambda: w.session.comparison is not c and settled(w), timeout=LOAD_TIMEOUT)
    now = w.session.comparison.changes[w.view.current_change()]
    assert now.old is not None and (now.old.start, now.old.end) == (ch.old.start, ch.old.end)
    assert w.status.position_label.text() == f"Change {now.id + 1} of {len(w.session.comparison.changes)}"
    assert w.navigator.current_change() == now.id


def test_the_empty_window_hint_has_lines_that_fit(qtbot, window):
    pane = window.view.old_editor()
    fm = pane.fontMetrics()
    for line in pane.placeholderText().splitlines():
        assert fm.horizontalAdvance(line) < 380, line


# ------------------------------------------------------------ find and replace
def _dialog(qtbot, text: str) -> tuple[FindReplaceDialog, QTextEdit]:
    editor = QTextEdit()
    editor.setPlainText(text)
    editor.resize(400, 300)
    editor.show()
    qtbot.addWidget(editor)
    dlg = FindReplaceDialog(editor)
    qtbot.addWidget(dlg)
    dlg.show_mode(True)
    return dlg, editor


def test_replace_says_what_it_did(qtbot):
    dlg, editor = _dialog(qtbot, "甲乙甲乙")
    dlg.find_edit.setText("甲")
    dlg.replace_edit.setText("丙")
    assert dlg.find_match()
    dlg.replace_one()
    assert editor.toPlainText() == "丙乙甲乙"
    assert dlg.status.text() != "Not found." and "Replaced" in dlg.status.text()
    assert editor.textCursor().selectedText() == "甲"
    dlg.replace_one()
    assert editor.toPlainText() == "丙乙丙乙"
    assert dlg.status.text() == "Replaced; no more matches."


def test_find_replace_mnemonics_are_unique(qtbot):
    dlg, _editor = _dialog(qtbot, "x")
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [lab.text() for lab in dlg.findChildren(QLabel)] + [b.text() for b in dlg.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(keys) == len(set(keys)), keys


def test_a_found_match_is_centred(qtbot):
    dlg, editor = _dialog(qtbot, "\n".join(f"第{i}行" for i in range(300)) + "\n目标在这里\n" + "尾\n" * 300)
    dlg.find_edit.setText("目标在这里")
    assert dlg.find_match()
    middle = editor.viewport().height() / 2
    assert abs(editor.cursorRect().center().y() - middle) < editor.fontMetrics().height() * 1.5


# ------------------------------------------------------------ demo files
def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def test_demo_saves_and_exports_to_documents(qtbot, window, boxes, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    w = window
    open_pair(qtbot, w, *demo_paths())
    samples = Path(demo_paths()[0]).parent.resolve()
    asked: list[str] = []

    def ask(_parent, _title, suggested, *_a, **_k):
        asked.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    type_text(w, 0, "改")
    w.files.save()  # Ctrl+S on a bundled sample: straight to Save As, never "overwrite?"
    assert boxes.of("question") == [] and len(asked) == 1
    for suggested in (asked[0], w.files.suggested_name("（审阅稿）.docx")):
        assert Path(suggested).parent == Path(_documents()), suggested
        assert not Path(suggested).resolve().is_relative_to(samples)
    assert not Path(w.settings.last_dir or "/nowhere").resolve().is_relative_to(samples)


def test_after_an_export_the_file_and_folder_can_be_opened(qtbot, window, pair, tmp_path, monkeypatch):
    import reportdesk.export.docx_review  # noqa: F401

    w = window
    open_pair(qtbot, w, *pair)
    out = tmp_path / "审阅稿.docx"
    done: list[str] = []
    w.files.exported.connect(done.append)
    w.files.export(str(out), {"form": "both", "author": "测试员"})
    qtbot.waitUntil(lambda: bool(done), timeout=LOAD_TIMEOUT)
    label = w.status.export_label
    assert label.isVisible() and "Open file" in label.text() and "Open containing folder" in label.text()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    for href in re.findall(r'href="([^"]+)"', label.text()):
        label.linkActivated.emit(href)
    assert [Path(p) for p in opened] == [out, tmp_path]


# ------------------------------------------------------------ English labels
def test_english_kind_words_fit_and_sections_are_translated(qtbot, window):
    nav = window.navigator
    fm = nav.view.fontMetrics()
    width = nav.view.header().sectionSize(1)
    for kind in ("target", "number", "deleted", "changed"):
        assert fm.horizontalAdvance(nav.model.kind_label(kind)) + 16 <= width, kind
    assert nav.model.section_label("标题与署名") == "Title and signature"
    assert nav.model.section_label("一、总体要求") == "一、总体要求"


# ------------------------------------------------------------ swapped and identical reports
def test_swapped_years_are_offered_a_swap(qtbot, window, pair, boxes):
    w = window
    boxes.answers["question"] = Btn.Yes
    old, new = pair
    w.files.open_pair(new, old)  # 2025 on the left, 2024 on the right
    qtbot.waitUntil(lambda: settled(w) and w.session.old_report.year == 2024, timeout=LOAD_TIMEOUT)
    assert any("swapped" in t for t in boxes.of("question"))
    assert w.session.new_report.year == 2025


def test_swapped_years_kept_when_the_user_says_no(qtbot, window, pair, boxes):
    w = window
    old, new = pair
    open_pair(qtbot, w, new, old)
    assert any("swapped" in t for t in boxes.of("question"))
    assert w.session.old_report.year == 2025


def test_a_file_compared_with_itself_is_named(qtbot, window, pair, boxes):
    w = window
    open_pair(qtbot, w, pair[0], pair[0])
    assert any("same file" in t for t in boxes.of("information"))
