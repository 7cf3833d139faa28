"""View and editing preferences of the main window: find/replace, fonts, settings, language.

The controller owns the text font; the window shows it in the panes when
``font_changed`` fires.  Changes that concern other parts of the window come
out as signals: ``settings_applied`` and ``compare_options_changed``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase
from PySide6.QtWidgets import QFontDialog, QMessageBox, QTextEdit, QWidget

from reportdesk.app.context import AppContext
from reportdesk.app.settings import DEFAULT_FONT_FAMILIES, Settings
from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.find_replace import FindReplaceDialog
from reportdesk.ui.dialogs.settings_dialog import SettingsDialog


def default_text_font(settings: Settings) -> QFont:
    # hasFamily, not a lookup in families(): Windows lists a font under one name (SimSun, or 宋体
    # in a Chinese UI) and hasFamily also knows its other names, without building the whole list.
    family = settings.font_family if settings.font_family and QFontDatabase.hasFamily(settings.font_family) else ""
    if not family:
        family = next((f for f in DEFAULT_FONT_FAMILIES if QFontDatabase.hasFamily(f)), "")
    if not family:  # none of ours: any installed font that writes Simplified Chinese, else Qt's
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        family = chinese[0] if chinese else QFont().family()
    font = QFont(family)
    font.setPointSize(settings.font_size)
    return font


class PrefsHost(Protocol):
    """What the preferences need from the window (``MainWindow`` implements it)."""

    def dialog_parent(self) -> QWidget: ...

    def searchable_panes(self) -> tuple[QTextEdit, QTextEdit]:
        """The draft pane (find and replace) and the earlier report's pane (find only)."""
        ...


class PrefsController(QObject):
    font_changed = Signal(QFont)
    settings_applied = Signal()  # the settings dialog was accepted
    compare_options_changed = Signal()

    def __init__(self, ctx: AppContext, host: PrefsHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.host = host
        self.text_font = default_text_font(ctx.settings)
        self.find_dialog: FindReplaceDialog | None = None

    def show_find(self, replace: bool) -> None:
        if self.find_dialog is None:
            draft, earlier = self.host.searchable_panes()
            self.find_dialog = FindReplaceDialog(draft, earlier, self.host.dialog_parent())
        self.find_dialog.show_mode(replace)

    def close_dialogs(self) -> None:
        if self.find_dialog is not None:
            self.find_dialog.close()

    def zoom(self, step: int) -> None:
        size = min(max(self.text_font.pointSize() + step, 6), 48)
        self.text_font = QFont(self.text_font)
        self.text_font.setPointSize(size)
        self.ctx.settings.font_size = size
        self.font_changed.emit(self.text_font)

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.text_font, self.host.dialog_parent(), self.tr("Text font"))
        if ok:
            self.apply_font(font)

    def apply_font(self, font: QFont) -> None:
        self.text_font = QFont(font)
        self.ctx.settings.font_family = font.family()
        self.ctx.settings.font_size = font.pointSize()
        self.font_changed.emit(self.text_font)

    def show_settings(self) -> None:
        dlg = SettingsDialog(self.ctx.settings, self.text_font, self.host.dialog_parent())
        if not dlg.exec():
            return
        changed = dlg.apply()
        self.apply_font(dlg.chosen_font())
        self.settings_applied.emit()
        if changed["language"]:
            self._next_start_notice()
        if changed["compare"]:
            self.compare_options_changed.emit()

    def language_chosen(self, action: QAction) -> None:
        lang = str(action.data())
        if lang != self.ctx.settings.language:
            self.ctx.settings.language = lang
            self._next_start_notice()

    def _next_start_notice(self) -> None:
        prompts.show_info(self.host.dialog_parent(),
                          self.tr("The new language is used from the next start of ReportDesk."))

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+O", self.tr("Open comparison")), ("Ctrl+S", self.tr("Save draft")),
            ("Ctrl+Shift+S", self.tr("Save draft as")), ("Ctrl+E", self.tr("Export review document")),
            ("F8 / Alt+↓", self.tr("Next change")), ("Shift+F8 / Alt+↑", self.tr("Previous change")),
            ("F5", self.tr("Compare again")), ("Ctrl+Z / Ctrl+Y", self.tr("Undo / redo")),
            ("Ctrl+F / Ctrl+H", self.tr("Find / replace")), ("Ctrl+= / Ctrl+-", self.tr("Larger / smaller text")),
        ]
        html = "<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        QMessageBox.information(self.host.dialog_parent(), self.tr("Keyboard shortcuts"), html)
