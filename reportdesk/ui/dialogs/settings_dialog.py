"""Tools ▸ Settings: language, text font, author, comparison options."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from reportdesk.app.settings import Settings

LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("&Language:"), self.language)
        row = QHBoxLayout()
        self.font_family = QFontComboBox()
        self.font_family.setCurrentFont(font)
        self.font_size = QSpinBox()
        self.font_size.setRange(6, 48)
        self.font_size.setValue(font.pointSize() if font.pointSize() > 0 else settings.font_size)
        self.font_size.setSuffix(" pt")
        row.addWidget(self.font_family, 1)
        row.addWidget(self.font_size)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Text &font:"), holder)
        self.author = QLineEdit(settings.author)
        self.author.setPlaceholderText(self.tr("Shown as the reviser in exported documents"))
        form.addRow(self.tr("&Author:"), self.author)
        self.ignore_width = QCheckBox(self.tr("Ignore full-width / half-width punctuation differences (，and ,)"))
        self.ignore_width.setChecked(settings.ignore_punctuation_width)
        form.addRow("", self.ignore_width)
        self.detect_moves = QCheckBox(self.tr("Detect moved sentences"))
        self.detect_moves.setChecked(settings.detect_moves)
        form.addRow("", self.detect_moves)
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 30)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.autosave_seconds)
        form.addRow(self.tr("Autosave the draft every:"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_font(self) -> QFont:
        f = QFont(self.font_family.currentFont())
        f.setPointSize(self.font_size.value())
        return f

    def apply(self) -> dict[str, bool]:
        """Write the choices; tells the caller what needs redoing."""
        s = self.settings
        lang = str(self.language.currentData())
        changed = {
            "language": lang != s.language,
            "compare": (self.ignore_width.isChecked(), self.detect_moves.isChecked())
            != (s.ignore_punctuation_width, s.detect_moves),
        }
        s.language = lang
        f = self.chosen_font()
        s.font_family = f.family()
        s.font_size = f.pointSize()
        s.author = self.author.text()
        s.ignore_punctuation_width = self.ignore_width.isChecked()
        s.detect_moves = self.detect_moves.isChecked()
        s.autosave_seconds = self.autosave.value()
        s.sync()
        return changed
