"""File ▸ Export review document: form, author, what to include, where to save.

The output may never be one of the compared files: the dialog refuses it
before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.export.author import default_author

FORMS = ("tracked", "table", "both")


class ExportDialog(QDialog):
    def __init__(
        self,
        suggested: str,
        author: str,
        form: str,
        is_input: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export review document"))
        self.setMinimumWidth(560)
        self._is_input = is_input
        lay = QVBoxLayout(self)
        form_box = QFormLayout()
        lay.addLayout(form_box)
        self.group = QButtonGroup(self)
        radios = QVBoxLayout()
        labels = {
            "tracked": self.tr("Tracked changes (accept / reject in Word or WPS)"),
            "table": self.tr("Comparison table (old | new | change)"),
            "both": self.tr("Both: tracked changes followed by the table"),
        }
        self.radio: dict[str, QRadioButton] = {}
        for key in FORMS:
            r = QRadioButton(labels[key])
            self.radio[key] = r
            self.group.addButton(r)
            radios.addWidget(r)
        self.radio.get(form, self.radio["both"]).setChecked(True)
        holder = QWidget()
        holder.setLayout(radios)
        radios.setContentsMargins(0, 0, 0, 0)
        form_box.addRow(self.tr("Form:"), holder)
        # The reviser defaults to the signed-in user's name; what the user types is kept
        # in the settings by the caller, so it is asked once.
        self._default_author = default_author()
        self.author = QLineEdit(author or self._default_author)
        self.author.setPlaceholderText(self._default_author)
        form_box.addRow(self.tr("&Author:"), self.author)
        self.include_targets = QCheckBox(self.tr("Include the target changes table"))
        self.include_targets.setChecked(True)
        self.include_unchanged = QCheckBox(self.tr("List unchanged sentences in the table too"))
        self.include_unchanged.setChecked(False)
        self.include_comments = QCheckBox(self.tr("Explain moves and target changes in comments"))
        self.include_comments.setChecked(True)
        for box in (self.include_targets, self.include_comments, self.include_unchanged):
            form_box.addRow("", box)
        out = QHBoxLayout()
        self.path_edit = QLineEdit(suggested)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out.addWidget(self.path_edit, 1)
        out.addWidget(browse)
        form_box.addRow(self.tr("Save &to:"), out)
        self.warning = QLabel("")
        self.warning.setStyleSheet("color: #a00;")
        self.warning.setWordWrap(True)
        lay.addWidget(self.warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.path_edit.textChanged.connect(self._validate)
        self._validate()

    def form(self) -> str:
        return next((k for k, r in self.radio.items() if r.isChecked()), "both")

    def path(self) -> str:
        p = self.path_edit.text().strip().strip('"')
        if p and not p.lower().endswith(".docx"):
            p += ".docx"
        return p

    def options(self) -> dict[str, object]:
        """The choices as keyword arguments for ExportOptions (the caller drops unknown ones)."""
        return {
            "form": self.form(),
            "author": self.author.text().strip() or self._default_author,
            "include_unchanged": self.include_unchanged.isChecked(),
            "include_targets": self.include_targets.isChecked(),
            "include_comments": self.include_comments.isChecked(),
        }

    def problem(self) -> str:
        p = self.path()
        if not p:
            return self.tr("Choose where to save the review document.")
        if self._is_input(p):
            return self.tr("The review document cannot replace one of the compared reports. Choose another name.")
        if not Path(p).parent.is_dir():
            return self.tr("That folder does not exist.")
        return ""

    def _validate(self) -> None:
        msg = self.problem()
        self.warning.setText(msg if self.path_edit.text() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not msg)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export review document"), self.path(), self.tr("Word documents (*.docx)")
        )
        if path:
            self.path_edit.setText(path)
