"""The window's dialogs on their own: compare, settings, find/replace helpers."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialogButtonBox, QTextEdit

from reportdesk.app.settings import Settings
from reportdesk.ui.dialogs.compare_dialog import CompareDialog
from reportdesk.ui.dialogs.find_replace import find_in, replace_all
from reportdesk.ui.dialogs.settings_dialog import SettingsDialog


def test_compare_dialog_needs_two_existing_files(qtbot, tmp_path):
    a, b = tmp_path / "2024.txt", tmp_path / "2025.txt"
    a.write_text("甲", encoding="utf-8")
    b.write_text("乙", encoding="utf-8")
    dlg = CompareDialog(None, str(a), "")
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.new_edit.setText(f'"{b}"')  # pasted from Explorer's "copy as path", with quotes
    assert ok.isEnabled()
    assert dlg.paths() == (str(a), str(b))
    dlg._swap()
    assert dlg.paths() == (str(b), str(a))
    dlg.old_edit.setText(str(tmp_path / "missing.txt"))
    assert not ok.isEnabled()


def test_settings_dialog_writes_typed_settings(qtbot, tmp_path):
    s = Settings.from_ini(tmp_path / "s.ini")
    dlg = SettingsDialog(s, QFont("Sans", 12))
    qtbot.addWidget(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    dlg.author.setText("李四")
    dlg.ignore_width.setChecked(False)
    dlg.font_size.setValue(15)
    dlg.autosave.setValue(10)
    changed = dlg.apply()
    assert changed == {"language": True, "compare": True}
    t = Settings.from_ini(tmp_path / "s.ini")
    assert (t.language, t.author, t.ignore_punctuation_width, t.font_size, t.autosave_seconds) == ("en", "李四", False, 15, 10)


def test_find_wraps_and_replace_all_counts(qtbot):
    ed = QTextEdit()
    qtbot.addWidget(ed)
    ed.setPlainText("稳就业，稳物价。\n稳就业是重点。")
    assert find_in(ed, "稳就业")
    first = ed.textCursor().selectionStart()
    assert find_in(ed, "稳就业")
    assert ed.textCursor().selectionStart() > first
    assert find_in(ed, "稳就业")  # wraps around to the first
    assert ed.textCursor().selectionStart() == first
    assert not find_in(ed, "没有的词")
    assert replace_all(ed, "稳就业", "保就业") == 2
    assert ed.toPlainText() == "保就业，稳物价。\n保就业是重点。"
    ed.undo()
    assert ed.toPlainText() == "稳就业，稳物价。\n稳就业是重点。"


def test_about_names_the_program(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reportdesk.ui.dialogs.about import show_about

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    show_about(None)
    assert shown and "ReportDesk" in shown[0][1] and "offline" in shown[0][1]
