"""A child process that runs the engine, so the window's Python never waits for it.

Loading and comparing are pure Python.  In a thread of the GUI process they
hold the GIL, and every paint or model call the GUI thread makes into Python
then waits for it (each re-entry queues behind the worker: a "convoy"); jieba's
dictionary load is one 0.5 s C call that holds the GIL outright.  In a child
process none of that touches the GUI: the thread that waits for the child
only pickles arguments and results (~10–25 ms for a national report pair).

One child serves the whole program (the first window starts it; tests share
it).  Functions travel by reference (module-level engine/app functions only),
arguments and results by pickle.  If the child dies, the job in flight fails
with ``EngineCrashed`` and the next call starts a new child.  The child
imports no Qt.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from typing import Any

from reportdesk.engine import ReportDeskError

log = logging.getLogger(__name__)


class EngineUnavailable(RuntimeError):
    """No child process could be started (the caller runs the job itself)."""


class EngineCrashed(ReportDeskError):
    """The engine process ended while it was working on a job (out of memory, killed…)."""

    def __init__(self, detail: str) -> None:
        super().__init__("比较程序意外中止（可能是内存不足）。请再试一次；如果反复出现，请把日志发给维护人员。", detail)


def _serve(conn: Any) -> None:
    """The child's loop: run ``fn(*args)`` for each message, send back the outcome."""
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, args = msg
        try:
            out: tuple[bool, Any] = (True, fn(*args))
        except BaseException as exc:  # sent to the parent, which decides
            out = (False, exc)
        try:
            conn.send(out)
        except Exception as exc:  # an unpicklable result or exception
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class EngineProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # one job at a time in the child
        self._proc: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        ctx = mp.get_context("spawn")  # the same on Windows and Linux; no forked Qt state
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), name="reportdesk-engine", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        log.info("engine process %s started", proc.pid)

    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` in the child and return its result (or raise its exception)."""
        with self._lock:
            if not self.alive():
                try:
                    self._start()
                except Exception as exc:  # e.g. a locked-down PC that forbids child processes
                    self._discard()
                    raise EngineUnavailable(str(exc)) from exc
            try:
                self._conn.send((fn, args))
                ok, value = self._conn.recv()
            except (EOFError, OSError, BrokenPipeError) as exc:
                self._discard()
                raise EngineCrashed(f"engine process ended during {getattr(fn, '__name__', fn)}") from exc
        if ok:
            return value
        raise value

    def _discard(self) -> None:
        proc, self._proc = self._proc, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if proc is not None:
            proc.join(timeout=1)
            if proc.is_alive():
                proc.kill()

    def close(self) -> None:
        """Ask the child to finish (it also dies with the parent: daemon)."""
        if not self._lock.acquire(timeout=0.5):
            return  # a job is running; the daemon child goes when we exit
        try:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
            self._discard()
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
