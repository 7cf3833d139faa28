"""The status bar's fixed parts: change counts, the current change's position, the legend,
a busy indicator, and links to the last exported document."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from reportdesk.engine import ChangeKind, Comparison, target_counts
from reportdesk.ui.legend import LegendBar


def counts_text(c: Comparison, full: bool = True) -> str:
    """“Edits: 120 · Moves: 3 · Target changes: 9 (14 edits) · Number edits: 31 · New phrases: 40”
    (translated as the window's text); ``full=False`` leaves out the edits behind the target
    changes and the new phrases, so the line fits a 1280-pixel window in English (the full
    line is the tooltip).  The target counts are the review document's (``target_counts``):
    目标变化 covers main and named targets only."""
    moves = sum(1 for ch in c.changes if ch.kind is ChangeKind.MOVE)
    edits = len(c.changes) - moves
    n = target_counts(c)
    phrases = len(c.phrases.added)
    if full:
        text = QCoreApplication.translate(
            "MainWindow", "Edits: %1 · Moves: %2 · Target changes: %3 (%4 edits) · Number edits: %5 · New phrases: %6"
        )
        values: tuple[int, ...] = (edits, moves, n.target_changes, n.target_edits, n.number_edits, phrases)
    else:
        text = QCoreApplication.translate("MainWindow", "Edits: %1 · Moves: %2 · Target changes: %3 · Number edits: %4")
        values = (edits, moves, n.target_changes, n.number_edits)
    for i, value in enumerate(values, 1):
        text = text.replace(f"%{i}", str(value))
    if n.hints:
        text += " · " + QCoreApplication.translate("MainWindow", "Hints: %1").replace("%1", str(n.hints))
    return text


class _OnResize(QObject):
    """Calls ``fit`` whenever the watched widget changes size."""

    def __init__(self, fit: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._fit = fit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False


class StatusArea:
    """Adds its widgets to ``bar``; the window keeps the bar (and so the widgets)."""

    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar
        self._counts = ("", "")  # the whole line and the short one
        bar.installEventFilter(_OnResize(self._fit_counts, bar))
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("countsLabel")
        bar.addWidget(self.counts_label)
        # After an export: 打开文件 · 打开所在文件夹 (stays until the next comparison opens).
        self.export_label = QLabel("")
        self.export_label.setObjectName("exportLinks")
        self.export_label.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.export_label.hide()
        bar.addWidget(self.export_label)
        self._total = 0
        self.position_label = QLabel("")
        self.position_label.setObjectName("changePosition")
        bar.addPermanentWidget(self.position_label)
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
        # 取消 while a file loads and compares: the engine process is ended and restarted.
        # Qt's own word for it (qtbase's translation), so our .ts needs no new string.
        qt_word = QCoreApplication.translate
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelLoading")
        self.cancel_button.setText(qt_word("QPlatformTheme", "Cancel"))
        self.cancel_button.setSizePolicy(keep)
        self.cancel_button.hide()
        bar.addPermanentWidget(self.cancel_button)

    def show_busy(self, message: str) -> None:
        self.busy_label.setText(message)
        self.progress.show()
        self.cancel_button.show()

    def show_note(self, text: str, timeout_ms: int = 8000) -> None:
        """A passing line in the bar (no box to click away)."""
        self._bar.showMessage(text, timeout_ms)

    def hide_busy(self, still_working: bool) -> None:
        """The message goes; the bar stays while ``still_working`` (another job runs)."""
        self.busy_label.setText("")
        self.progress.setVisible(still_working)
        self.cancel_button.hide()

    def show_counts(self, c: Comparison, current: int | None = None) -> None:
        self._counts = (counts_text(c), counts_text(c, full=False))
        self.counts_label.setToolTip(self._counts[0])  # the secondary counts too
        self._fit_counts()
        self._total = len(c.changes)
        self.show_position(current)

    def _fit_counts(self) -> None:
        """The whole line where the bar has room for it (a wide window), else the short one.
        The permanent widgets keep their width (the busy ones even while hidden)."""
        full, short = self._counts
        kept = [self.position_label, self.legend, self.progress, self.busy_label, self.cancel_button]
        taken = sum(
            max(w.sizeHint().width(), w.minimumWidth()) + 8
            for w in kept
            if not w.isHidden() or w.sizePolicy().retainSizeWhenHidden()
        )
        if not self.export_label.isHidden():
            taken += self.export_label.sizeHint().width() + 8
        room = self._bar.width() - taken - 32  # margins and the size grip
        text = full if self.counts_label.fontMetrics().horizontalAdvance(full) <= room else short
        if text != self.counts_label.text():
            self.counts_label.setText(text)

    def show_position(self, index: int | None) -> None:
        """“第 3 / 共 561 处” for the current change (``index`` counts from 0; None: none is current)."""
        total = self._total
        if total == 0:
            self.position_label.setText("")
            return
        if index is None:
            text = QCoreApplication.translate("MainWindow", "%1 changes").replace("%1", str(total))
        else:
            text = QCoreApplication.translate("MainWindow", "Change %1 of %2")
            text = text.replace("%1", str(index + 1)).replace("%2", str(total))
        self.position_label.setText(text)
        self._fit_counts()

    def show_exported(self, path: str) -> None:
        """Links to open the exported document and the folder it is in."""
        file_url = QUrl.fromLocalFile(path).toString()
        folder_url = QUrl.fromLocalFile(str(Path(path).parent)).toString()
        done = QCoreApplication.translate("MainWindow", "Exported “%1”:").replace("%1", Path(path).name)
        open_file = QCoreApplication.translate("MainWindow", "Open file")
        open_folder = QCoreApplication.translate("MainWindow", "Open containing folder")
        self.export_label.setText(
            f'{escape(done)} <a href="{escape(file_url)}">{escape(open_file)}</a>'
            f' · <a href="{escape(folder_url)}">{escape(open_folder)}</a>'
        )
        self.export_label.setToolTip(path)
        self.export_label.show()
        self._fit_counts()

    def clear_exported(self) -> None:
        self.export_label.hide()
        self.export_label.setText("")
