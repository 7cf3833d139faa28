"""The status bar's fixed parts: change counts, the legend, and a busy indicator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from reportdesk.engine import ChangeKind, Comparison
from reportdesk.ui.legend import LegendBar

UNCHANGED_TARGET = "unchanged"


def counts_text(c: Comparison) -> str:
    """“Edits: 120 · Moves: 3 · Target changes: 9 · New phrases: 40” (translated as the window's text)."""
    moves = sum(1 for ch in c.changes if ch.kind is ChangeKind.MOVE)
    edits = len(c.changes) - moves
    targets = sum(1 for t in c.target_changes if t.change != UNCHANGED_TARGET)
    phrases = len(c.phrases.added)
    text = QCoreApplication.translate("MainWindow", "Edits: %1 · Moves: %2 · Target changes: %3 · New phrases: %4")
    return text.replace("%1", str(edits)).replace("%2", str(moves)).replace("%3", str(targets)).replace("%4", str(phrases))


class StatusArea:
    """Adds its widgets to ``bar``; the window keeps the bar (and so the widgets)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("countsLabel")
        bar.addWidget(self.counts_label)
        self.legend = LegendBar()
        bar.addPermanentWidget(self.legend)
        # Showing progress must not change any widget's geometry: a relayout makes the
        # docks' views re-measure every row (Python calls) while the worker holds the GIL.
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: the engine gives no reliable fraction
        self.progress.setFixedSize(140, 14)
        self.progress.setTextVisible(False)
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(keep)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.busy_label = QLabel("")
        self.busy_label.setFixedWidth(self.busy_label.fontMetrics().horizontalAdvance("正在载入并比较报告……") + 8)
        bar.addPermanentWidget(self.busy_label)

    def show_busy(self, message: str) -> None:
        self.busy_label.setText(message)
        self.progress.show()

    def hide_busy(self, still_working: bool) -> None:
        """The message goes; the bar stays while ``still_working`` (another job runs)."""
        self.busy_label.setText("")
        self.progress.setVisible(still_working)

    def show_counts(self, c: Comparison) -> None:
        self.counts_label.setText(counts_text(c))
