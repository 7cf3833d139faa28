"""Shown when an unexpected error happens: the draft is kept, a log was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, summary: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.log_path = log_path
        lay = QVBoxLayout(self)
        msg = QLabel(
            self.tr("ReportDesk ran into an unexpected error. Your draft has been kept "
                    "(it is autosaved and will be offered again at the next start).\n"
                    "You can go on working, but saving the draft now is recommended.")
        )
        msg.setWordWrap(True)
        lay.addWidget(msg)
        if log_path is not None:
            where = QLabel(self.tr("A report for the developers was written to:") + f"\n{log_path}")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(where)
        details = QPlainTextEdit(summary)
        details.setReadOnly(True)
        details.setMaximumHeight(90)
        lay.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if log_path is not None:
            open_btn = QPushButton(self.tr("Open log folder"))
            buttons.addButton(open_btn, QDialogButtonBox.ButtonRole.ActionRole)
            open_btn.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)

    def _open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
