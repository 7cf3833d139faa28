"""File ▸ Open comparison: choose the earlier report and the later report or draft."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


def file_filter() -> str:
    return QCoreApplication.translate(
        "CompareDialog", "Reports (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt);;All files (*)"
    )


class CompareDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, old: str = "", new: str = "", start_dir: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open comparison"))
        self.setMinimumWidth(560)
        self._start_dir = start_dir
        grid = QGridLayout(self)
        self.old_edit = QLineEdit(old)
        self.new_edit = QLineEdit(new)
        self.old_edit.setPlaceholderText(self.tr("Last year's report (.docx or .txt)"))
        self.new_edit.setPlaceholderText(self.tr("This year's report or draft"))
        for row, (label, edit) in enumerate(
            ((self.tr("&Earlier report:"), self.old_edit), (self.tr("&Later report / draft:"), self.new_edit))
        ):
            lab = QLabel(label)
            lab.setBuddy(edit)
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
            grid.addWidget(lab, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(browse, row, 2)
        swap = QPushButton(self.tr("Swap ⇅"))
        swap.clicked.connect(self._swap)
        grid.addWidget(swap, 2, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        grid.addWidget(self.buttons, 3, 0, 1, 3)
        self.old_edit.textChanged.connect(self._validate)
        self.new_edit.textChanged.connect(self._validate)
        self._validate()

    def paths(self) -> tuple[str, str]:
        return self.old_edit.text().strip().strip('"'), self.new_edit.text().strip().strip('"')

    def _validate(self) -> None:
        old, new = self.paths()
        ok = bool(old and new) and Path(old).is_file() and Path(new).is_file()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _swap(self) -> None:
        old, new = self.paths()
        self.old_edit.setText(new)
        self.new_edit.setText(old)

    def _browse(self, edit: QLineEdit) -> None:
        start = edit.text() or self._start_dir
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a report"), start, file_filter())
        if path:
            edit.setText(path)
            self._start_dir = str(Path(path).parent)
