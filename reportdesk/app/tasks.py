"""Background jobs whose late results cannot overwrite newer state.

Jobs run on channels ("load", "compare", "export" …).  Each submit on a
channel gets a new generation number; only the newest generation's result is
delivered, older ones are dropped.  A channel runs one job at a time and keeps
at most one waiting job (the newest), so typing fast never queues a pile of
stale comparisons that fight the GUI thread for the GIL.

Results come back to the GUI thread through a queued signal, so callbacks may
touch widgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from reportdesk.app.engine_process import EngineProcess, EngineUnavailable

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Job:
    channel: str
    generation: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Done | None
    on_error: Failed | None
    in_process: bool = False
    submitted: float = field(default_factory=time.perf_counter)


@dataclass
class _Channel:
    generation: int = 0
    running: _Job | None = None
    waiting: _Job | None = None


class TaskRunner(QObject):
    """Runs callables off the GUI thread; see the module docstring."""

    busy_changed = Signal(bool)
    result_dropped = Signal(str)  # channel: a stale result was thrown away
    _delivered = Signal(object, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None, engine: EngineProcess | None = None) -> None:
        super().__init__(parent)
        self.engine = engine  # where in_process jobs run; None: in the worker thread
        self._channels: dict[str, _Channel] = {}
        self._closed = False
        self._busy = False
        self._delivered.connect(self._on_delivered)

    # ------------------------------------------------------------ API
    def submit(
        self,
        channel: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        in_process: bool = False,
    ) -> int:
        """Run ``fn(*args)`` in the background; returns the job's generation.

        ``in_process``: run it in the engine process (``fn`` must be a module-level
        function and the arguments picklable); the worker thread only waits.
        """
        ch = self._channels.setdefault(channel, _Channel())
        ch.generation += 1
        job = _Job(channel, ch.generation, fn, args, on_done, on_error, in_process)
        if ch.running is None:
            self._start(ch, job)
        else:
            ch.waiting = job  # replaces an older waiting job: it would be stale anyway
        self._update_busy()
        return job.generation

    def generation(self, channel: str) -> int:
        ch = self._channels.get(channel)
        return ch.generation if ch else 0

    def is_busy(self, channel: str | None = None) -> bool:
        chans = [self._channels.get(channel)] if channel else list(self._channels.values())
        return any(c is not None and (c.running is not None or c.waiting is not None) for c in chans)

    def close(self) -> None:
        """Drop every result still to come (the window is closing)."""
        self._closed = True
        for ch in self._channels.values():
            ch.waiting = None
            ch.generation += 1

    # ------------------------------------------------------------ internals
    def _start(self, ch: _Channel, job: _Job) -> None:
        ch.running = job
        t = threading.Thread(target=self._work, args=(job,), name=f"reportdesk-{job.channel}", daemon=True)
        t.start()

    def _work(self, job: _Job) -> None:
        try:
            result = self._run(job)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self._deliver(job, None, exc)
        else:
            self._deliver(job, result, None)

    def _run(self, job: _Job) -> Any:
        engine = self.engine
        if job.in_process and engine is not None:
            try:
                return engine.call(job.fn, *job.args)
            except EngineUnavailable as exc:
                log.warning("engine process unavailable (%s); running jobs in threads", exc)
                self.engine = None
        return job.fn(*job.args)

    def _deliver(self, job: _Job, result: Any, error: BaseException | None) -> None:
        try:
            self._delivered.emit(job, result, error)
        except RuntimeError:  # the window (and this runner) closed while the job ran
            log.debug("%s result after shutdown dropped", job.channel)

    def _on_delivered(self, job: _Job, result: Any, error: BaseException | None) -> None:
        ch = self._channels[job.channel]
        ch.running = None
        nxt, ch.waiting = ch.waiting, None
        if nxt is not None and not self._closed:
            self._start(ch, nxt)
        current = job.generation == ch.generation and not self._closed
        self._update_busy()
        if not current:
            log.debug("dropped stale %s result (generation %d < %d)", job.channel, job.generation, ch.generation)
            self.result_dropped.emit(job.channel)
            return
        if error is not None:
            if job.on_error is not None:
                job.on_error(error)
            else:
                raise error
        elif job.on_done is not None:
            job.on_done(result)

    def _update_busy(self) -> None:
        busy = self.is_busy()
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
