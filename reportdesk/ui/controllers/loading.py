"""While a pair loads: its texts on screen at once, and a 取消 that ends the load.

The comparison of a national pair takes seconds on a slow PC; the texts are
read in a moment.  They are shown as soon as the engine has read them (the
draft stays read-only until the comparison is on screen), and the status
bar's 取消 ends the load: the engine process is ended and restarted (when no
other call runs there; else the load's result is dropped), and the window keeps
what it showed before.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from reportdesk.app import jobs
from reportdesk.app.context import AppContext
from reportdesk.engine import ReportDeskError
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.status_area import StatusArea

log = logging.getLogger(__name__)


class Loading(QObject):
    def __init__(
        self, ctx: AppContext, view: CompareView, status: StatusArea, cancelled: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.view, self.cancelled, self.status = ctx, view, cancelled, status
        self._replaced = False  # the texts shown are the loading pair's, not the session's
        status.cancel_button.clicked.connect(self.cancel)

    def texts_first(self, old: str, new: str, wanted: Callable[[], bool]) -> None:
        """Read both texts in the engine and show them unless the comparison came first
        or ``wanted()`` says no (a recovered draft goes on the right)."""

        def still_wanted() -> bool:
            return self.ctx.runner.is_busy("load") and self.ctx.runner.generation("load") == load and wanted()

        def show(texts: tuple[str, str]) -> None:
            # One pane per turn of the event loop: laying out a national report takes 20-60 ms,
            # both at once blocked the window twice that.
            if still_wanted():
                self.view.new_editor().setReadOnly(True)  # until the comparison is on screen
                self.view.set_texts(texts[0], "", Path(old).stem, Path(new).stem)
                self._replaced = True
                # (1 ms, not 0: Qt runs a 0 ms single shot as a posted call, before the input
                # and timers waiting, as if both panes were laid out in one go)
                QTimer.singleShot(1, self, lambda: show_new(texts))

        def show_new(texts: tuple[str, str]) -> None:
            if still_wanted():  # (not when the comparison, a cancel or another load came first)
                self.view.set_texts(texts[0], texts[1], Path(old).stem, Path(new).stem)

        load = self.ctx.runner.generation("load")

        self.ctx.runner.submit("texts", jobs.read_texts, old, new, in_process=True, on_done=show,
                               on_error=self._texts_failed)

    def _texts_failed(self, exc: BaseException) -> None:
        """The texts could not be read first: the load goes on (and says why if it fails too)."""
        if not isinstance(exc, ReportDeskError):  # a bug: the crash handler logs and shows it
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        log.warning("texts shown first: %s", exc.detail or exc.message)
        if "取消" not in exc.message:
            self.status.show_note(exc.message)

    def cancel(self) -> bool:
        """取消: end the load in progress; False when there was none."""
        runner = self.ctx.runner
        if not runner.is_busy("load"):
            return False
        runner.cancel("load", "texts")  # the engine restarts only if nothing else runs there
        if self._replaced:
            self._put_back()
        self.cancelled()
        return True

    def failed(self) -> None:
        """The load failed: the session's texts again (the loading pair's would be saved as the draft)."""
        if self._replaced:
            self._put_back()

    def _put_back(self) -> None:
        """The session's own texts and comparison again, where the cancelled pair's texts stood."""
        s = self.ctx.session
        self._replaced = False
        if s.old_report is None:
            self.view.set_texts("", "", "", "")
            return
        old_label, new_label = s.labels()
        self.view.set_texts(s.old_report.text, s.draft_text, old_label, new_label)
        if s.comparison is not None:
            self.view.set_comparison(s.comparison)
        self.view.new_editor().setReadOnly(False)

    def shown(self) -> None:
        """A pair is on screen (its comparison too): the texts are the session's again."""
        self._replaced = False
