"""Background jobs whose late results cannot overwrite newer state.

Jobs run on channels ("load", "compare", "export" …).  Each submit on a
channel gets a new generation number; only the newest generation's result is
delivered, older ones are dropped.  A channel runs one job at a time and keeps
at most one waiting job (the newest), so typing fast never queues a pile of
stale comparisons that fight the GUI thread for the GIL.  A job submitted with
``queue=True`` waits in line instead and its result is always delivered (the
live session's keystrokes: each answer is a numbered delta the window needs).

Results come back to the GUI thread through a queued signal, so callbacks may
touch widgets.
"""

from __future__ import annotations

import _thread
import logging
import queue
import sys
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
    keep: bool = False  # deliver the result even when newer jobs were submitted since
    timeout: float | None = None
    post: Callable[[Any], Any] | None = None  # runs on the result in the worker thread
    submitted: float = field(default_factory=time.perf_counter)


@dataclass
class _Channel:
    generation: int = 0
    running: _Job | None = None
    waiting: list[_Job] = field(default_factory=list)
    inbox: queue.SimpleQueue[_Job | None] | None = None  # the channel's worker thread reads it


class TaskRunner(QObject):
    """Runs callables off the GUI thread; see the module docstring."""

    busy_changed = Signal(bool)
    result_dropped = Signal(str)  # channel: a stale result was thrown away
    _delivered = Signal(object, object, object)  # job, result, error

    def __init__(self, parent: QObject | None = None, engine: EngineProcess | None = None) -> None:
        super().__init__(parent)
        self.engine = engine  # where in_process jobs run; None: in the worker thread
        if engine is not None:
            engine.prestart()  # its imports overlap the window's construction
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
        queue: bool = False,
        keep: bool = False,
        timeout: float | None = None,
        post: Callable[[Any], Any] | None = None,
    ) -> int:
        """Run ``fn(*args)`` in the background; returns the job's generation.

        ``in_process``: run it in the engine process (``fn`` must be a module-level
        function and the arguments picklable); the worker thread only waits, at most
        ``timeout`` seconds (then the engine restarts and the job fails).
        ``queue``: wait in line behind earlier jobs and always deliver (see above).
        ``keep``: deliver this job's result even if newer jobs were submitted since (a
        newer one still replaces it while it waits).
        ``post``: turn the result into what ``on_done`` gets, still off the GUI thread.
        """
        ch = self._channels.setdefault(channel, _Channel())
        ch.generation += 1
        job = _Job(channel, ch.generation, fn, args, on_done, on_error, in_process, queue or keep, timeout, post)
        if ch.running is None:
            self._start(ch, job)
        elif queue:
            ch.waiting.append(job)
        else:
            ch.waiting = [job]  # replaces an older waiting job: it would be stale anyway
        self._update_busy()
        return job.generation

    def generation(self, channel: str) -> int:
        ch = self._channels.get(channel)
        return ch.generation if ch else 0

    def is_busy(self, channel: str | None = None) -> bool:
        chans = [self._channels.get(channel)] if channel else list(self._channels.values())
        return any(c is not None and (c.running is not None or bool(c.waiting)) for c in chans)

    def cancel(self, *channels: str) -> None:
        """Drop the channels' waiting jobs and their results to come.

        A job of theirs running in the engine process is ended by restarting the engine
        only when no other channel has a call in flight there: a restart fails every call
        (an export would say 已取消 though nobody cancelled it).  Otherwise the job runs to
        its end in the engine and its result is dropped here."""
        ending = False
        for name in channels:
            ch = self._channels.get(name)
            if ch is None:
                continue
            ch.waiting = []
            ch.generation += 1
            if ch.running is not None:
                ch.running.keep = False
                ending = ending or ch.running.in_process
        others = any(c.running is not None and c.running.in_process
                     for name, c in self._channels.items() if name not in channels)
        if ending and not others and self.engine is not None:
            self.engine.cancel()
        self._update_busy()

    def close(self) -> None:
        """Drop every result still to come (the window is closing)."""
        self._closed = True
        for ch in self._channels.values():
            ch.waiting = []
            ch.generation += 1
            if ch.inbox is not None:
                ch.inbox.put(None)  # the worker ends after its job

    # ------------------------------------------------------------ internals
    def _start(self, ch: _Channel, job: _Job) -> None:
        # One long-lived worker per channel: starting a thread per job waits for it to take
        # the GIL, several ms on a busy machine — on every keystroke.  Started without waiting
        # for it to run (threading.Thread.start does: 10-50 ms at the start on a busy PC, when
        # three channels begin at once); like a daemon thread it ends with the program.
        ch.running = job
        if ch.inbox is None:
            ch.inbox = queue.SimpleQueue()
            _thread.start_new_thread(self._serve, (ch.inbox,))
        ch.inbox.put(job)

    def _serve(self, inbox: queue.SimpleQueue[_Job | None]) -> None:
        try:
            while (job := inbox.get()) is not None:
                self._work(job)
        except BaseException:  # a bare _thread bypasses threading.excepthook: the crash log
            threading.excepthook(threading.ExceptHookArgs((*sys.exc_info(), threading.current_thread())))

    def _work(self, job: _Job) -> None:
        try:
            result = self._run(job)
            if job.post is not None:
                result = job.post(result)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self._deliver(job, None, exc)
        else:
            self._deliver(job, result, None)

    def _run(self, job: _Job) -> Any:
        engine = self.engine
        if job.in_process and engine is not None:
            try:
                return engine.call(job.fn, *job.args, timeout=job.timeout)
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
        if ch.waiting and not self._closed:
            self._start(ch, ch.waiting.pop(0))
        current = (job.generation == ch.generation or job.keep) and not self._closed
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
