"""The engine process, started before the window's Python has imported anything heavy.

A spawned child takes ~0.4 s to start Python and import the engine; begun first
thing, that overlaps the window's own imports (Qt, the engine's types, the
widgets) instead of following them (issue 12: start-up).  This module imports
only the standard library, so the start can call it before anything else;
``EngineProcess`` adopts the child started here (or spawns one the same way).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_early: tuple[Any, Any] | None = None  # (process, the parent's end of its pipe)


def serve(conn: Any) -> None:
    """The engine process's loop: each message ``(id, fn, args)`` runs in a thread; answers
    carry the id; the engine is imported first thing, before any call arrives."""
    sys.setswitchinterval(0.001)  # a fast call waits at most ~1 ms behind a long one
    try:  # what the calls run (0.3-0.4 s), imported now while the window's Python starts up;
        # the engine's face imports on first use, so all of it is asked for here
        import reportdesk.app.jobs  # noqa: F401
        from reportdesk.engine import import_all

        import_all()
    except Exception:  # the first call that needs it says what is wrong
        pass
    send_lock = threading.Lock()

    def run(call_id: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            out: tuple[bool, Any] = (True, fn(*args))
        except BaseException as exc:  # sent to the parent, which decides
            out = (False, exc)
        with send_lock:
            try:
                conn.send((call_id, *out))
            except (EOFError, OSError):
                return
            except Exception as exc:  # an unpicklable result or exception
                conn.send((call_id, False, RuntimeError(f"{type(exc).__name__}: {exc}")))

    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        threading.Thread(target=run, args=msg, daemon=True).start()


def spawn() -> tuple[Any, Any]:
    """Start a child process running ``serve``; (process, the parent's end of the pipe)."""
    ctx = mp.get_context("spawn")  # the same on Windows and Linux; no forked Qt state
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(child,), name="reportdesk-engine", daemon=True)
    proc.start()
    child.close()
    return proc, parent


def start_early() -> None:
    """Spawn the engine process now, for ``EngineProcess`` to adopt (nothing when the engine
    runs in threads, ``REPORTDESK_ENGINE=thread``, or one was started already)."""
    global _early
    if _early is not None or os.environ.get("REPORTDESK_ENGINE", "process") == "thread":
        return
    try:
        _early = spawn()
    except Exception as exc:  # EngineProcess tries again, and falls back to threads
        log.warning("engine process could not start early: %s", exc)


def take_early() -> tuple[Any, Any] | None:
    """The child ``start_early`` started, once, if it still runs."""
    global _early
    early, _early = _early, None
    if early is not None and not early[0].is_alive():
        early[1].close()
        return None
    return early
