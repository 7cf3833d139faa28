"""View and editing preferences of the main window: find/replace, fonts, settings, language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QFontDialog, QMessageBox

from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.find_replace import FindReplaceDialog
from reportdesk.ui.dialogs.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from reportdesk.ui.main_window import MainWindow


class PrefsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.find_dialog: FindReplaceDialog | None = None

    def show_find(self, replace: bool) -> None:
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.w.view.new_editor(), self.w.view.old_editor(), self.w)
        self.find_dialog.show_mode(replace)

    def zoom(self, step: int) -> None:
        size = min(max(self.w.text_font.pointSize() + step, 6), 48)
        self.w.text_font.setPointSize(size)
        self.w.view.set_text_font(self.w.text_font)
        self.w.settings.font_size = size

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.w.text_font, self.w, self.tr("Text font"))
        if ok:
            self.apply_font(font)

    def apply_font(self, font: QFont) -> None:
        self.w.text_font = QFont(font)
        self.w.view.set_text_font(self.w.text_font)
        self.w.settings.font_family = font.family()
        self.w.settings.font_size = font.pointSize()

    def show_settings(self) -> None:
        dlg = SettingsDialog(self.w.settings, self.w.text_font, self.w)
        if not dlg.exec():
            return
        changed = dlg.apply()
        self.apply_font(dlg.chosen_font())
        self.w.autosaver.set_interval(self.w.settings.autosave_seconds)
        (self.w.actions_.lang_zh if self.w.settings.language == "zh_CN" else self.w.actions_.lang_en).setChecked(True)
        if changed["language"]:
            prompts.show_info(self.w, self.tr("The new language is used from the next start of ReportDesk."))
        if changed["compare"] and self.w.session.is_open:
            self.w.drafting.recompare_now()

    def language_chosen(self, action: QAction) -> None:
        lang = str(action.data())
        if lang != self.w.settings.language:
            self.w.settings.language = lang
            prompts.show_info(self.w, self.tr("The new language is used from the next start of ReportDesk."))

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+O", self.tr("Open comparison")), ("Ctrl+S", self.tr("Save draft")),
            ("Ctrl+Shift+S", self.tr("Save draft as")), ("Ctrl+E", self.tr("Export review document")),
            ("F8 / Alt+↓", self.tr("Next change")), ("Shift+F8 / Alt+↑", self.tr("Previous change")),
            ("F5", self.tr("Compare again")), ("Ctrl+Z / Ctrl+Y", self.tr("Undo / redo")),
            ("Ctrl+F / Ctrl+H", self.tr("Find / replace")), ("Ctrl+= / Ctrl+-", self.tr("Larger / smaller text")),
        ]
        html = "<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        QMessageBox.information(self.w, self.tr("Keyboard shortcuts"), html)

