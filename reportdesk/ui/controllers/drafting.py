"""Comparison that follows the draft as it is typed.

Each edit bumps the session's draft revision and asks for ``report_from_text`` + ``compare`` on the text of that
moment, in the background; while one runs, only the newest request waits.
A result whose revision is no longer the draft's is dropped (a newer request
is already on its way), and the view itself refuses a comparison whose texts
are not on screen.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from reportdesk.app.context import AppContext
from reportdesk.app.jobs import Recompared, recompare_draft
from reportdesk.engine import Comparison, ReportDeskError

# The compare runs in the engine process and the task runner keeps at most one job
# waiting (the newest text), so there is nothing to gain by waiting for the typist
# to pause: 0 submits at each edit (set a delay to debounce instead).
DEBOUNCE_MS = 0


class DraftView(Protocol):
    """The part of the comparison view the controller uses (``CompareView``)."""

    def new_text(self) -> str: ...

    def set_comparison(self, c: Comparison) -> bool: ...


class DraftController(QObject):
    applied = Signal(object)  # the Comparison now on screen
    stale = Signal(int)  # a result for an older draft revision was thrown away
    edited = Signal()  # the draft changed (dirty state may have changed)
    failed = Signal(object)  # a ReportDeskError from a re-compare

    def __init__(self, ctx: AppContext, view: DraftView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompare_now)
        self.last_edit_at = 0.0
        self.last_latency: float | None = None  # edit → comparison applied, seconds
        self.last_compare_seconds: float | None = None
        self.last_apply_seconds: float | None = None

    def on_edited(self) -> None:
        """The draft pane's text changed (connected to ``CompareView.draft_edited``)."""
        if not self.ctx.session.is_open:
            return
        self.ctx.session.edit(self.view.new_text())
        self.last_edit_at = time.perf_counter()
        if self.timer.interval() == 0:
            # Submit now, before the panes re-highlight and re-layout after the edit:
            # the engine starts ~0.1 s sooner.  A burst only replaces the waiting job.
            self.recompare_now()
        else:
            self.timer.start()
        self.edited.emit()

    def pending(self) -> bool:
        """An edit has not been compared yet (tests and screenshots wait on this)."""
        return self.timer.isActive() or self.ctx.runner.is_busy("compare")

    def flush(self) -> None:
        """Compare a debounced edit now instead of after the delay."""
        if self.timer.isActive():
            self.recompare_now()

    def recompare_now(self) -> None:
        s = self.ctx.session
        if s.old_report is None or s.new_report is None:
            return
        self.timer.stop()
        self.ctx.runner.submit(
            "compare",
            recompare_draft,
            s.old_report,
            s.new_report,
            s.draft_text,
            s.draft_revision,
            self.ctx.settings.compare_options(),
            on_done=self._done,
            on_error=self._error,
            in_process=True,
        )

    def _done(self, r: Recompared) -> None:
        if r.revision != self.ctx.session.draft_revision:
            self.stale.emit(r.revision)  # typed on since: a newer comparison is on its way
            return
        self.last_compare_seconds = r.seconds
        if self.apply(r.comparison) and self.last_edit_at:
            self.last_latency = time.perf_counter() - self.last_edit_at

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, ReportDeskError):
            self.failed.emit(exc)
        else:  # a bug: crash dialog + log, the draft stays as it is
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def apply(self, c: Comparison) -> bool:
        """Show ``c`` if it matches the texts on screen; False when it was stale."""
        t0 = time.perf_counter()
        if not self.view.set_comparison(c):
            return False
        self.ctx.session.comparison = c
        self.last_apply_seconds = time.perf_counter() - t0
        self.applied.emit(c)
        return True
