"""File ▸ Export review document: which parts, author, comments, where to save.

The parts (摘要, 修订稿, 修改对照表, 目标对照表, 任务数量附录) are check boxes; the
caller keeps the choice in the settings (issue 13, item 9).

The output may never be one of the compared files: the dialog refuses it
before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reportdesk.export.author import default_author
from reportdesk.export.options import PARTS, ExportOptions

FORMS = ("tracked", "table", "both")
PART_LABELS = {
    "summary": QT_TRANSLATE_NOOP("ExportDialog", "Summary (one page: main targets, counts, key phrases)"),
    "tracked": QT_TRANSLATE_NOOP("ExportDialog", "Tracked changes (accept / reject in Word or WPS)"),
    "table": QT_TRANSLATE_NOOP("ExportDialog", "Comparison table (old | new | change)"),
    "targets": QT_TRANSLATE_NOOP("ExportDialog", "Target table (main and named targets)"),
    "tasks": QT_TRANSLATE_NOOP("ExportDialog", "Appendix: task quantities by section"),
}


def parts_of(chosen: str | Sequence[str]) -> tuple[str, ...]:
    """A remembered choice: a list of parts, or an old setting's form name."""
    if isinstance(chosen, str):
        return ExportOptions(form=chosen if chosen in FORMS else "both").chosen
    return tuple(p for p in PARTS if p in chosen)


class ExportDialog(QDialog):
    def __init__(
        self,
        suggested: str,
        author: str,
        parts: str | Sequence[str],
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
        boxes = QVBoxLayout()
        chosen = parts_of(parts)
        self.part_box: dict[str, QCheckBox] = {}
        for key in PARTS:
            box = QCheckBox(self.tr(str(PART_LABELS[key])))  # QT_TRANSLATE_NOOP is typed object
            box.setChecked(key in chosen)
            box.toggled.connect(lambda _on: self._validate())
            self.part_box[key] = box
            boxes.addWidget(box)
        holder = QWidget()
        holder.setLayout(boxes)
        boxes.setContentsMargins(0, 0, 0, 0)
        form_box.addRow(self.tr("Parts:"), holder)
        # The reviser defaults to the signed-in user's name; what the user types is kept
        # in the settings by the caller, so it is asked once.
        self._default_author = default_author()
        self.author = QLineEdit(author or self._default_author)
        self.author.setPlaceholderText(self._default_author)
        form_box.addRow(self.tr("&Author:"), self.author)
        self.include_unchanged = QCheckBox(self.tr("List unchanged sentences in the table too"))
        self.include_unchanged.setChecked(False)
        self.include_comments = QCheckBox(self.tr("Explain moves and target changes in comments"))
        self.include_comments.setChecked(True)
        for box in (self.include_comments, self.include_unchanged):
            form_box.addRow("", box)
        out = QHBoxLayout()
        self.path_edit = QLineEdit(suggested)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out.addWidget(self.path_edit, 1)
        out.addWidget(browse)
        # A row label made from text has a buddy only for a widget, not a layout: without one
        # the mnemonic shows as a literal "&t".
        save_label = QLabel(self.tr("Save &to:"))
        save_label.setBuddy(self.path_edit)
        form_box.addRow(save_label, out)
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

    def parts(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.part_box.items() if box.isChecked())

    def form(self) -> str:
        """The older setting's name for the choice (kept for whoever still reads it)."""
        parts = self.parts()
        if "tracked" in parts and "table" not in parts:
            return "tracked"
        return "table" if "table" in parts and "tracked" not in parts else "both"

    def path(self) -> str:
        p = self.path_edit.text().strip().strip('"')
        if p and not p.lower().endswith(".docx"):
            p += ".docx"
        return p

    def options(self) -> dict[str, object]:
        """The choices as keyword arguments for ExportOptions (the caller drops unknown ones)."""
        return {
            "form": self.form(),
            "parts": self.parts(),
            "author": self.author.text().strip() or self._default_author,
            "include_unchanged": self.include_unchanged.isChecked(),
            "include_comments": self.include_comments.isChecked(),
        }

    def problem(self) -> str:
        if not self.parts():
            return self.tr("Choose at least one part.")
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
        self.warning.setText(msg if self.path_edit.text() or not self.parts() else "")
        self.include_comments.setEnabled(self.part_box["tracked"].isChecked())
        self.include_unchanged.setEnabled(self.part_box["table"].isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not msg)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export review document"), self.path(), self.tr("Word documents (*.docx)")
        )
        if path:
            self.path_edit.setText(path)
