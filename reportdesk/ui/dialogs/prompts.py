"""Every question and error box the window asks, in one place.

All go through ``QMessageBox``'s static functions so tests can replace them
(monkeypatch ``QMessageBox.critical`` etc.) and no modal box is ever left
open in a test.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reportdesk.app.autosave import DraftSnapshot
from reportdesk.engine import ReportDeskError

Btn = QMessageBox.StandardButton


class Answer(str, Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def show_error(parent: QWidget | None, error: ReportDeskError | str, title: str | None = None) -> None:
    """The Chinese message of a LoadError/SaveError/ExportError — never a traceback."""
    text = error.message if isinstance(error, ReportDeskError) else str(error)
    name = Path(error.path).name if isinstance(error, ReportDeskError) and error.path else ""
    if name and name not in text:  # two files are opened at once: say which one failed
        text = f"“{name}”：{text}"
    QMessageBox.critical(parent, title or QCoreApplication.translate("Prompts", "ReportDesk"), text)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or QCoreApplication.translate("Prompts", "ReportDesk"), text)


def ask_save_changes(parent: QWidget | None) -> Answer:
    """Save / Don't save / Cancel before the draft goes away."""
    btn = QMessageBox.warning(
        parent,
        QCoreApplication.translate("Prompts", "Unsaved changes"),
        QCoreApplication.translate("Prompts", "The draft has changes that have not been saved. Save them?"),
        Btn.Save | Btn.Discard | Btn.Cancel,
        Btn.Save,
    )
    if btn == Btn.Save:
        return Answer.SAVE
    if btn == Btn.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def ask_overwrite_opened(parent: QWidget | None, name: str) -> bool:
    """The draft came from this file: overwrite it, or choose another name?"""
    text = QCoreApplication.translate(
        "Prompts",
        "“%1” is the file the draft was opened from. Overwrite it with the edited draft?\n"
        "Choose No to save under another name.",
    ).replace("%1", name)
    if name.lower().endswith(".docx"):
        text += "\n\n" + QCoreApplication.translate(
            "Prompts", "The draft is saved as plain paragraphs: the Word file's fonts and styles are not kept."
        )
    btn = QMessageBox.question(parent, QCoreApplication.translate("Prompts", "Overwrite the original?"), text,
                               Btn.Yes | Btn.No, Btn.No)
    return btn == Btn.Yes


def ask_restore(parent: QWidget | None, snap: DraftSnapshot, when: str) -> bool:
    """After a crash: restore the autosaved draft?"""
    src = snap.new_path or snap.save_path or QCoreApplication.translate("Prompts", "(new draft)")
    btn = QMessageBox.question(
        parent,
        QCoreApplication.translate("Prompts", "Restore draft"),
        QCoreApplication.translate("Prompts", "ReportDesk did not close normally last time. A draft autosaved at %1 was found:\n%2\n\nRestore it?")
        .replace("%1", when)
        .replace("%2", src),
        Btn.Yes | Btn.No,
        Btn.Yes,
    )
    return btn == Btn.Yes


def ask_swap(parent: QWidget | None, old_year: int, new_year: int) -> bool:
    """The earlier-report side holds the later year: swap the two?"""
    text = QCoreApplication.translate(
        "Prompts",
        "The left (earlier) report is from %1, the right (draft) one from %2: they look swapped.\n"
        "Swap them, so the %2 report is on the left and the %1 report is the draft?",
    ).replace("%1", str(old_year)).replace("%2", str(new_year))
    btn = QMessageBox.question(parent, QCoreApplication.translate("Prompts", "Swap the reports?"), text,
                               Btn.Yes | Btn.No, Btn.Yes)
    return btn == Btn.Yes


def ask_keep_clutter(parent: QWidget | None, notice: str) -> bool:
    """Web-page extras were left out of the comparison: keep them and compare again?"""
    text = QCoreApplication.translate(
        "Prompts",
        "%1.\nThese lines (font size, share, print…) came with the page the text was copied from. "
        "Keep them and compare again? (Compare ▸ Keep web-page extras)",
    ).replace("%1", notice)
    btn = QMessageBox.question(parent, QCoreApplication.translate("Prompts", "Web-page extras"), text,
                               Btn.Yes | Btn.No, Btn.No)
    return btn == Btn.Yes
