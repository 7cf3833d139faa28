"""When the side panels (change list, targets, outline) show a newly applied comparison.

The panes show each comparison at once; the panels follow in a later turn of the event
loop, so the two halves never block it together and only the newest comparison reaches
them.  While the clerk types they wait until typing pauses (a repaint of the change list
costs 20-40 ms: issue 12, no block over 50 ms while typing), but not when the clerk reaches
for a panel: a click, a key or the focus in one, or a jump to a change, brings them up to
date first — a row of an older comparison would name another change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

from reportdesk.engine import Comparison

REACHING = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress,
                      QEvent.Type.FocusIn})


class PanelFollower(QObject):
    def __init__(self, delay_ms: Callable[[], int], current: Callable[[], Comparison | None],
                 steps: Sequence[Callable[[Comparison], None]], parent: QObject | None = None) -> None:
        """``steps`` show a comparison, one per turn of the event loop (each with its repaint:
        the change list's and the other docks' together blocked the window 50-120 ms)."""
        super().__init__(parent)
        self._delay_ms, self._current, self._steps = delay_ms, current, tuple(steps)
        self._comparison: Comparison | None = None
        self._left: list[Callable[[Comparison], None]] = []  # steps still to run for it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._due)
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(1)  # (not 0: a paint and the input waiting go first)
        self._step.timeout.connect(self._next)

    def watch(self, *views: QAbstractItemView) -> None:
        """Bring the panels up to date before ``views`` take a click, a key or the focus."""
        for v in views:
            v.installEventFilter(self)
            v.viewport().installEventFilter(self)

    def follow(self, c: Comparison) -> None:
        self._comparison = c
        self._left.clear()  # an older one's steps: this one runs them all
        self._step.stop()
        self._timer.start(self._delay_ms())

    def pending(self) -> bool:
        return self._timer.isActive() or bool(self._left)

    def flush(self) -> None:
        """Show the waiting comparison now, every step (nothing when none waits)."""
        if self._timer.isActive():
            self._timer.stop()
            self._begin()
        self._step.stop()
        while self._left:
            self._next()

    def _due(self) -> None:
        if (wait := self._delay_ms()) > 0:  # typed since this was scheduled
            self._timer.start(wait)
        else:
            self._begin()
            self._next()

    def _begin(self) -> None:
        c = self._comparison
        self._left = list(self._steps) if c is not None and c is self._current() else []

    def _next(self) -> None:
        c = self._comparison
        if not self._left or c is None or c is not self._current():
            self._left.clear()  # replaced meanwhile: the newer comparison comes through follow()
            return
        self._left.pop(0)(c)
        if self._left:
            self._step.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in REACHING:
            self.flush()
        return False
