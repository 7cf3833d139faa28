"""Comparison that follows the draft as it is typed.

The engine process keeps the open comparison as a live session
(``engine.session``).  Each edit sends only the lines it replaced: the fast
path answers at once from the kept alignment (the edited sentences
re-diffed), and an exact re-compare follows in the background, coalesced to
the newest revision, sending only the lines whose marks differ.  Both answers
are numbered deltas, applied here in their order; the comparison itself (for
the panels) comes with an exact pass on the newest text, without the older
report, which the window has.

Without a live session (none yet, the engine restarted, options changed) an
edit asks for a whole re-compare that starts one; edits typed meanwhile are
then sent as one catch-up edit.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from reportdesk.app.context import AppContext
from reportdesk.app.idle_gc import IdleCollector
from reportdesk.app.jobs import Opened, Recompared, recompare_draft
from reportdesk.engine import (
    Comparison,
    DraftEdit,
    Report,
    ReportDeskError,
    Screen,
    ScreenDelta,
    line_edit,
    live_close,
    live_edit,
    live_exact,
    unpack_comparison,
)

# Kept for a debounced mode (tests, slow machines): 0 sends each edit at once.
DEBOUNCE_MS = 0
FAST_TIMEOUT = 20.0  # s: a fast path takes milliseconds; longer means the engine hangs
EXACT_TIMEOUT = 300.0  # s: a whole re-compare of a long report on a slow PC
PANEL_DELAY_MS = 400  # the change list and targets follow the draft this long after the last keystroke

log = logging.getLogger(__name__)


class _heap:  # noqa: N801 - a namespace: what gc.freeze has done in this process
    pairs_frozen = 0


def close_sessions(ctx: AppContext, sids: list[str]) -> None:
    """End live sessions the window no longer uses (each holds a comparison in the engine)."""
    for sid in sids:
        ctx.runner.submit("close", live_close, sid, in_process=True, queue=True,
                          on_error=lambda e: log.debug("closing a live session: %s", e))  # gone anyway


def adopt_session(ctx: AppContext, sid: str) -> None:
    """The engine's session ``sid`` holds the draft now: close the ones it replaces."""
    if sid:
        close_sessions(ctx, ctx.session.adopt(sid))


class DraftView(Protocol):
    """The part of the comparison view the controller uses (``CompareView``)."""

    def new_text(self) -> str: ...

    def set_comparison(self, c: Comparison, screen: Screen | None = None, painted: bool = False) -> bool: ...

    def apply_delta(self, d: ScreenDelta, spliced: tuple[str, ...] = ()) -> None: ...

    def set_screen(self, old_text: str, new_text: str, screen: Screen) -> None: ...


def _unpacked(d: ScreenDelta | None, old: Report | None) -> ScreenDelta | None:
    """The exact pass's comparison rebuilt in the worker thread, piece by piece (see
    ``unpack_comparison``: the GUI thread runs between pieces)."""
    if d is None or not d.packed or old is None:
        return d
    return replace(d, comparison=unpack_comparison(d.packed, old), packed=())


class DraftController(QObject):
    applied = Signal(object)  # the Comparison now on screen
    fast_applied = Signal(int)  # the revision whose edited lines are re-marked (the fast path)
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
        self.idle_gc = IdleCollector(parent=self)  # full collections wait for a pause in typing
        self.last_latency: float | None = None  # edit → comparison applied, seconds
        self.last_fast_latency: float | None = None  # edit → its lines re-marked, seconds
        self.last_fast_revision = 0  # the newest revision whose lines were re-marked
        self.last_compare_seconds: float | None = None
        self.last_apply_seconds: float | None = None
        self.live = False  # the engine keeps this draft as a live session
        self._epoch = 0  # +1 per live session; answers of an older one are ignored
        self._seq = 0  # the last delta applied
        self._held: dict[int, ScreenDelta] = {}  # deltas that arrived before their predecessor
        self._lines: list[str] = []  # the draft's lines as sent to the engine
        self._base = 0  # the revision of ``_lines`` as the engine's session numbers it
        self._sent: dict[int, DraftEdit] = {}  # revision -> edit not answered yet
        self._edit_at: dict[int, float] = {}
        self._restarting = False  # a whole re-compare that starts a session is on its way
        self.use_session = True  # False: a whole re-compare per edit (the benchmark's baseline)
        self._frozen_for: Report | None = None  # the older report of the pair frozen last

    # ------------------------------------------------------------ starting
    def start(self, result: Opened, draft_text: str) -> bool:
        """A freshly opened pair on screen: live when the engine kept it and the draft is its text."""
        live = self.use_session and result.screen is not None and draft_text == result.new.text
        self._begin(live, draft_text, 0)  # a load's session starts at revision 0
        return self.apply(result.comparison, result.screen)

    def _begin(self, live: bool, text: str, revision: int) -> None:
        self.live = live
        self._epoch += 1
        self._base = revision
        self._seq = 0
        self._held.clear()
        self._sent.clear()
        self._edit_at.clear()
        self._lines = text.split("\n")

    # ------------------------------------------------------------ edits
    def on_edited(self) -> None:
        """The draft pane's text changed (connected to ``CompareView.draft_edited``)."""
        s = self.ctx.session
        if not s.is_open:
            return
        revision = s.edit(self.view.new_text())
        self.last_edit_at = time.perf_counter()
        self.idle_gc.typed()
        if self.live:
            self._send(revision)
        elif self.timer.interval() == 0:
            if not self._restarting:
                self.recompare_now()
        else:
            self.timer.start()
        self.edited.emit()

    def _send(self, revision: int) -> None:
        lines = self.ctx.session.draft_text.split("\n")
        e = line_edit(self._lines, lines, revision, self._base)
        self._lines, self._base = lines, revision
        self._sent[revision] = e
        self._edit_at[revision] = self.last_edit_at
        sid, epoch, runner = self.ctx.session.sid, self._epoch, self.ctx.runner
        old = self.ctx.session.old_report
        runner.submit("live", live_edit, sid, e, on_done=lambda d: self._delta(d, epoch),
                      on_error=lambda x: self._live_failed(x, epoch), in_process=True, queue=True,
                      timeout=FAST_TIMEOUT)
        runner.submit("compare", live_exact, sid, revision, on_done=lambda d: self._delta(d, epoch),
                      on_error=lambda x: self._live_failed(x, epoch), in_process=True, keep=True,
                      timeout=EXACT_TIMEOUT, post=lambda d: _unpacked(d, old))

    def panel_delay_ms(self) -> int:
        """How long the side panels still wait before showing a new comparison: until
        PANEL_DELAY_MS after the last keystroke (0 when the clerk is not typing), so they
        follow once typing pauses, however late each keystroke's exact pass lands."""
        if not self.last_edit_at:
            return 0
        return max(0, round(PANEL_DELAY_MS - 1000 * (time.perf_counter() - self.last_edit_at)))

    def pending(self) -> bool:
        """An edit has not been compared yet (tests and screenshots wait on this)."""
        r = self.ctx.runner
        return self.timer.isActive() or self._restarting or r.is_busy("compare") or r.is_busy("live")

    def settled(self) -> bool:
        """The comparison on screen is of the draft on screen; else one is asked for (an edit
        waiting is sent now; with nothing on its way, a whole re-compare) and False."""
        if self.pending():
            self.flush()
            return False
        c = self.ctx.session.comparison
        if c is None or c.new.text != self.view.new_text():
            self.recompare_now()
            return False
        return True

    def flush(self) -> None:
        """Compare a debounced edit now instead of after the delay."""
        if self.timer.isActive():
            self.recompare_now()

    # ------------------------------------------------------------ answers of the live session
    def _delta(self, d: ScreenDelta | None, epoch: int) -> None:
        if d is None or epoch != self._epoch:
            return  # overtaken by a newer exact pass, or from a session since replaced
        self._held[d.seq] = d
        while self._seq + 1 in self._held:
            self._seq += 1
            self._apply_delta(self._held.pop(self._seq))

    def _apply_delta(self, d: ScreenDelta) -> None:
        _first, removed, added = d.splice
        spliced = self._sent[d.revision].lines if (removed or added) and d.revision in self._sent else ()
        for rev in [r for r in self._sent if r <= d.revision]:
            del self._sent[rev]
        self.view.apply_delta(d, spliced)
        t0 = self._edit_at.pop(d.revision, None)
        if not d.exact and t0 is not None:
            self.last_fast_latency = time.perf_counter() - t0
            self.last_fast_revision = d.revision
            self.fast_applied.emit(d.revision)
        c = d.comparison
        if c is not None and c.old is self.ctx.session.old_report:
            if self.apply(c, painted=True) and self.last_edit_at:
                self.last_latency = time.perf_counter() - self.last_edit_at

    def _live_failed(self, exc: BaseException, epoch: int) -> None:
        if epoch != self._epoch:
            return
        # The engine restarted (or never had this session): compare afresh, which starts one.
        self.live = False
        self._epoch += 1
        if isinstance(exc, ReportDeskError):
            if "取消" not in exc.message:
                self.failed.emit(exc)
        elif not isinstance(exc, LookupError):  # LookupError: SessionLost, said nothing about
            sys.excepthook(type(exc), exc, exc.__traceback__)
        self.recompare_now()

    # ------------------------------------------------------------ whole re-compare
    def recompare_now(self) -> None:
        s = self.ctx.session
        if s.old_report is None or s.new_report is None:
            return
        self.timer.stop()
        self._restarting = True
        # No edit goes to the current session from now on: the re-compare starts a new one
        # (its own id), and answers of this epoch are ignored.
        self.live = False
        self._epoch += 1
        epoch, sid = self._epoch, s.new_sid() if self.use_session else ""
        self.ctx.runner.submit(
            "restart",
            recompare_draft,
            s.old_report,
            s.new_report,
            s.draft_text,
            s.draft_revision,
            self.ctx.settings.compare_options(),
            sid,
            on_done=lambda r: self._done(r, epoch, sid),
            on_error=self._error,
            in_process=True,
        )

    def _done(self, r: Recompared, epoch: int, sid: str) -> None:
        self._restarting = False
        if epoch != self._epoch:
            return  # a pair opened since: this re-compare is of another draft
        s = self.ctx.session
        adopt_session(self.ctx, sid)
        self.last_compare_seconds = r.seconds
        self._begin(r.screen is not None, r.draft.text, r.revision)
        if r.revision != s.draft_revision:
            self.stale.emit(r.revision)  # typed on since: the screen follows through a catch-up edit
            if self.live and r.screen is not None and s.old_report is not None:
                # The marks of revision r, carried onto newer text until the catch-up edit's answer.
                self.view.set_screen(s.old_report.text, r.draft.text, r.screen)
                self._send(s.draft_revision)
            else:
                self.recompare_now()
            return
        if self.apply(r.comparison, r.screen) and self.last_edit_at:
            self.last_latency = time.perf_counter() - self.last_edit_at

    def _error(self, exc: BaseException) -> None:
        self._restarting = False
        if isinstance(exc, ReportDeskError):
            self.failed.emit(exc)
        else:  # a bug: crash dialog + log, the draft stays as it is
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def apply(self, c: Comparison, screen: Screen | None = None, painted: bool = False) -> bool:
        """Show ``c`` if it matches the texts on screen; False when it was stale."""
        t0 = time.perf_counter()
        if not self.view.set_comparison(c, screen, painted):
            return False
        self.ctx.session.comparison = c
        self.last_apply_seconds = time.perf_counter() - t0
        self.applied.emit(c)
        if c.old is not self._frozen_for:
            # Once per pair: what is alive now (reports, the first comparison: hundreds of
            # thousands of objects) is left out of the cyclic collector's full passes, which
            # otherwise stop the window 30-50 ms at random while typing.  Not per comparison:
            # cyclic garbage frozen with it could never be collected (memory grew while typing);
            # collected first, and the previous pair unfrozen so it can go.
            # The process's first pair skips the full collection (50-100 ms on the GUI thread
            # just as the comparison shows): nothing older is frozen, and the start-up's
            # cyclic garbage it would free is small.
            self._frozen_for = c.old
            if _heap.pairs_frozen:
                gc.unfreeze()
                gc.collect()
            gc.freeze()
            _heap.pairs_frozen += 1
        return True
