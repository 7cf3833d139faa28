"""Fixtures and helpers for driving the real main window (imported by test_main_window*.py)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reportdesk.app.settings import Settings
from reportdesk.engine import compare, report_from_text, screen_of
from reportdesk.gui import guard_none_refcount
from reportdesk.ui.main_window import MainWindow

guard_none_refcount()  # the app does this at start-up (PySide6 6.12 on Python 3.11)

Btn = QMessageBox.StandardButton
LOAD_TIMEOUT = 60_000  # ms; the first compare also loads jieba's dictionary


@dataclass
class Boxes:
    """Records every message box instead of showing it; answers from ``answers``."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answers: dict[str, Btn] = field(default_factory=dict)

    def of(self, kind: str) -> list[str]:
        return [text for k, _t, text in self.calls if k == kind]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    b = Boxes(answers={"warning": Btn.Discard, "question": Btn.No})

    def fake(kind):
        def show(_parent, title, text, *_a, **_k):
            b.calls.append((kind, title, text))
            return b.answers.get(kind, Btn.Ok)

        return show

    for kind in ("critical", "warning", "question", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return b


@dataclass
class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: returns ``path`` ("" = cancelled)."""

    path: str = ""
    asked: int = 0


@pytest.fixture
def save_dialog(monkeypatch) -> SaveDialog:
    d = SaveDialog()

    def ask(*_a, **_k):
        d.asked += 1
        return d.path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return d


def copy_reports(folder: Path, corpus_dir: Path, region: str, years: tuple[int, int], name: str) -> tuple[str, str]:
    """Copies of two corpus reports in ``folder`` (tests may overwrite them), named ``name.format(year)``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for year in years:
        dst = folder / name.format(year)
        shutil.copy(corpus_dir / region / f"{year}.txt", dst)
        out.append(str(dst))
    return out[0], out[1]


@pytest.fixture
def pair(tmp_path, corpus_dir) -> tuple[str, str]:
    """Copies of the national 2024 and 2025 reports (tests may overwrite them)."""
    return copy_reports(tmp_path / "in", corpus_dir, "national", (2024, 2025), "{}年政府工作报告.txt")


@pytest.fixture
def small_pair(tmp_path, corpus_dir) -> tuple[str, str]:
    """Copies of the Hailar 2018 and 2019 reports (a district: short, quick to compare)."""
    return copy_reports(tmp_path, corpus_dir, "hailar", (2018, 2019), "呼伦贝尔{}.txt")


def make_window(qtbot, folder: Path) -> MainWindow:
    w = MainWindow(Settings.from_ini(folder / "settings.ini"), folder / "data")
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, tmp_path, boxes):
    w = make_window(qtbot, tmp_path)
    yield w
    w.session.saved_text = w.session.draft_text  # nothing to ask on the way out
    w.close()


def settled(w: MainWindow) -> bool:
    return w.is_settled()


def open_pair(qtbot, w: MainWindow, old: str, new: str) -> None:
    w.files.open_pair(old, new)
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)


def type_text(w: MainWindow, pos: int | None, text: str) -> None:
    """Type at ``pos`` (None: over the current selection) as a Chinese input method commits it."""
    editor = w.view.new_editor()
    if pos is not None:
        cur = editor.textCursor()
        cur.setPosition(pos)
        editor.setTextCursor(cur)
    editor.setFocus()
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(editor, ev)


def select(w: MainWindow, start: int, end: int) -> None:
    editor = w.view.new_editor()
    cur = editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)


def screen_is_a_full_compare(w: MainWindow) -> bool:
    """Every line's marks in both panes are those of a full compare of the text on screen."""
    s = w.session
    draft = report_from_text(w.view.new_text(), path=s.new_report.path, title=s.new_report.title,
                             year=s.new_report.year)
    full = screen_of(compare(s.old_report, draft, w.settings.compare_options()))
    _texts, new_lines = w.view.new_editor().highlighter.screen()
    _texts, old_lines = w.view.old_editor().highlighter.screen()
    return new_lines == list(full.new) and old_lines == list(full.old)
