"""A child process that runs the engine, so the window's Python never waits for it.

Loading and comparing are pure Python.  In a thread of the GUI process they
hold the GIL, and every paint or model call the GUI thread makes into Python
then waits for it (each re-entry queues behind the worker: a "convoy"); jieba's
dictionary load is one 0.5 s C call that holds the GIL outright.  In a child
process none of that touches the GUI.

One child serves the whole program (the first window starts it; tests share
it).  Functions travel by reference (module-level engine/app functions only),
arguments and results by pickle.  Calls are numbered and each runs in its own
thread of the child, so a keystroke's fast path (a millisecond) is answered
while an exact re-compare is still running; the child switches threads every
millisecond for that.  The child also keeps the live session (engine.session)
between calls.

A call may have a timeout: without an answer by then the child is ended and
restarted (``EngineTimeout``); ``cancel`` does the same at the user's word
(``EngineCancelled``).  If the child dies, the calls in flight fail with
``EngineCrashed`` and the next call starts a new child; if no child can be
started at all, ``EngineUnavailable`` tells the caller to run the job itself.
The child imports no Qt.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from reportdesk.app import engine_boot
from reportdesk.engine import ReportDeskError
from reportdesk.export import inflight

log = logging.getLogger(__name__)


class EngineUnavailable(RuntimeError):
    """No child process could be started (the caller runs the job itself)."""


class EngineCrashed(ReportDeskError):
    """The engine process ended while it was working on a job (out of memory, killed…)."""

    def __init__(self, detail: str) -> None:
        super().__init__("比较程序意外中止（可能是内存不足）。请再试一次；如果反复出现，请把日志发给维护人员。", detail)


class EngineTimeout(EngineCrashed):
    """No answer in time: the child was ended and will be restarted."""

    def __init__(self, detail: str) -> None:
        ReportDeskError.__init__(self, "比较程序长时间没有响应，已重新启动。请再试一次。", detail)


class EngineCancelled(EngineCrashed):
    """The user cancelled: the child was ended and will be restarted."""

    def __init__(self, detail: str) -> None:
        ReportDeskError.__init__(self, "已取消。", detail)


class _Slot:
    """Where one call's answer arrives."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.ok = False
        self.value: Any = None

    def set(self, ok: bool, value: Any) -> None:
        self.ok, self.value = ok, value
        self.done.set()


class EngineProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards the child, the pipe's sending end and the slots
        self._proc: Any = None
        self._conn: Any = None
        self._slots: dict[int, _Slot] = {}
        self._ids = itertools.count(1)
        self.starts = 0  # children started so far (a restart shows as a new one)

    def _start(self) -> None:
        early = engine_boot.take_early()
        proc, parent = early or engine_boot.spawn()
        self._proc, self._conn = proc, parent
        self.starts += 1
        threading.Thread(target=self._read, args=(proc, parent), name="reportdesk-engine-reader", daemon=True).start()
        log.info("engine process %s %s", proc.pid, "adopted" if early else "started")
        journal = inflight.journal_dir()
        if early and journal is not None:  # it started before the journal was set: tell it
            try:
                parent.send((next(self._ids), inflight.set_journal_dir, (journal,)))
            except (EOFError, OSError) as exc:  # ended meanwhile: the reader sees it go
                log.warning("engine process not told the temp-file journal: %s", exc)

    def _read(self, proc: Any, conn: Any) -> None:
        """Hand each answer to its caller; when the child ends, fail the calls still waiting."""
        while True:
            try:
                call_id, ok, value = conn.recv()
            except (EOFError, OSError, TypeError, ValueError):
                break
            with self._lock:
                slot = self._slots.pop(call_id, None)
            if slot is not None:
                slot.set(ok, value)
        with self._lock:
            if self._proc is proc:
                self._discard_locked()
                self._fail_all(EngineCrashed("engine process ended"))

    def prestart(self) -> None:
        """Start the child now, without waiting for it: its imports run while the window is
        built, so the first load does not wait for them (issue 12: start-up)."""
        with self._lock:
            if self.alive():
                return
            try:
                self._start()
            except Exception as exc:  # the first call says so, and the caller falls back
                self._discard_locked()
                log.warning("engine process could not start early: %s", exc)

    def post(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Start ``fn(*args)`` in the child without waiting for it; its answer is dropped.
        For work begun ahead of the call that wants it (start-up); False if not sent."""
        self.prestart()
        with self._lock:
            if not self.alive():
                return False
            try:
                self._conn.send((next(self._ids), fn, args))
            except (EOFError, OSError) as exc:
                log.warning("engine process: %s not sent: %s", getattr(fn, "__name__", fn), exc)
                return False
        return True

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """Run ``fn(*args)`` in the child and return its result (or raise its exception)."""
        slot = _Slot()
        name = getattr(fn, "__name__", str(fn))
        with self._lock:
            if not self.alive():
                self._discard_locked()
                try:
                    self._start()
                except Exception as exc:  # e.g. a locked-down PC that forbids child processes
                    self._discard_locked()
                    raise EngineUnavailable(str(exc)) from exc
            call_id = next(self._ids)
            self._slots[call_id] = slot
            try:
                self._conn.send((call_id, fn, args))
            except (EOFError, OSError) as exc:
                self._slots.pop(call_id, None)
                self._discard_locked()
                raise EngineCrashed(f"engine process ended before {name}") from exc
        if not slot.done.wait(timeout):
            self.restart(EngineTimeout(f"no answer to {name} in {timeout} s"))
        if slot.ok:
            return slot.value
        raise slot.value

    def restart(self, reason: EngineCrashed | None = None) -> None:
        """End the child now; calls in flight fail with ``reason``; the next call starts a new one."""
        with self._lock:
            self._discard_locked()
            self._fail_all(reason or EngineCancelled("cancelled"))

    def cancel(self) -> None:
        """The user's 取消: end whatever the child is doing."""
        self.restart(EngineCancelled("cancelled by the user"))

    def _fail_all(self, exc: EngineCrashed) -> None:
        slots, self._slots = self._slots, {}
        for slot in slots.values():
            slot.set(False, exc)

    def _discard_locked(self) -> None:
        proc, self._proc = self._proc, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=1)

    def close(self) -> None:
        """Ask the child to finish (it also dies with the parent: daemon)."""
        if not self._lock.acquire(timeout=0.5):
            return
        try:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
                if self._proc is not None:
                    self._proc.join(timeout=1)
            self._discard_locked()
            self._fail_all(EngineCancelled("engine closed"))
        finally:
            self._lock.release()


_shared: EngineProcess | None = None


def shared() -> EngineProcess | None:
    """The program's engine process; None when disabled (``REPORTDESK_ENGINE=thread``)."""
    global _shared
    if os.environ.get("REPORTDESK_ENGINE", "process") == "thread":
        return None
    if _shared is None:
        _shared = EngineProcess()
    return _shared
