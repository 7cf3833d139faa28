"""Full garbage collections while the clerk rests, not while typing.

A full (generation 2) collection walks every object the window holds that is not frozen:
25-65 ms on the GUI thread, at random, 14 times in a 120-keystroke run of the GUI bench —
the largest blocks left while typing (issue 12: none over 50 ms).  While edits come, full
collections wait (the young generations still collect, and most garbage goes by reference
counting anyway); one runs once typing has paused, and the usual thresholds come back.
"""

from __future__ import annotations

import gc
from functools import partial

from PySide6.QtCore import QObject, QTimer

PAUSE_MS = 1000  # typing paused this long: the full collection runs
HELD = 1_000_000  # collections of the middle generation before a full one: never, in practice


class IdleCollector(QObject):
    def __init__(self, pause_ms: int = PAUSE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._saved: tuple[int, int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.collect)
        # A window closed while typing must not leave full collections off for the process.
        self.destroyed.connect(partial(_release, gc.get_threshold()))

    def typed(self) -> None:
        """An edit: hold full collections until typing pauses."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            gc.set_threshold(self._saved[0], self._saved[1], HELD)
        self._timer.start()

    def held(self) -> bool:
        return self._saved is not None

    def collect(self) -> None:
        """The full collection held back, and the thresholds as they were."""
        self._timer.stop()
        if self._saved is not None:
            gc.collect()
            gc.set_threshold(*self._saved)
            self._saved = None


def _release(thresholds: tuple[int, int, int]) -> None:
    if gc.get_threshold()[2] == HELD:
        gc.set_threshold(*thresholds)
