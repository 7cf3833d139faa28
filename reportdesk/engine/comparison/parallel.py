"""Compare two files with jieba's dictionary loading beside the alignment (the CLI's path).

A whole ``reportdesk compare`` is short enough that loading jieba's dictionary (a third of
a second) is a large share of it, and nothing before the inline diff needs jieba.  Where
the OS can fork a process cheaply (POSIX), a forked helper aligns the sentences and reads
the targets (``pipeline.prepare``, numpy included) while this process loads the
dictionary; the helper sends the result back pickled (a few kilobytes).  Anything that
goes wrong in the helper only costs the time: this process then prepares it itself, so
the result is always that of ``compare``.  A comparison run before (the same texts and
options) finds every piece it cuts in the token store (``text.token_store``): jieba is
not needed at all then, and there is nothing to overlap.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import select
import signal
import threading
import time
from pathlib import Path

from reportdesk.engine.comparison.pipeline import Prepared, compare, prepare
from reportdesk.engine.load.loader import load_report
from reportdesk.engine.model import CompareOptions, Comparison, Report
from reportdesk.engine.text.tokenize import all_cut_before, remember_job, warm_up

_log = logging.getLogger(__name__)
# How long the helper may take once the dictionary is loaded.  Past it the helper is
# killed and this process prepares the result itself: a stuck helper costs time, never
# the comparison.  (Preparing the largest pair the loader takes is well within it.)
HELPER_TIMEOUT = 120.0


def compare_paths(
    old_path: str | Path, new_path: str | Path, options: CompareOptions | None = None, *, phrases: bool = True
) -> Comparison:
    """``compare(load_report(old_path), load_report(new_path), options)``, in less time."""
    options = options or CompareOptions()
    old, new = load_report(old_path), load_report(new_path)  # bad input fails here, at once
    job = _job(old, new, options, phrases)
    if all_cut_before(job):
        # this comparison ran before and its pieces are on disk: no dictionary to wait for
        return compare(old, new, options, phrases=phrases)
    helper = _Helper.start(old, new, options)
    try:
        warm_up()
        prepared = helper.result() if helper is not None else None
    finally:
        if helper is not None:
            helper.close()
    result = compare(old, new, options, phrases=phrases, prepared=prepared)
    remember_job(job)
    return result


def _job(old: Report, new: Report, options: CompareOptions, phrases: bool) -> str:
    """A name for this comparison: the pieces it cuts follow from the texts and the options."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (old.text, new.text, repr(options), str(phrases)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return "compare " + digest.hexdigest()


class _Helper:
    """A forked process running ``prepare`` and writing its pickled result to a pipe."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    @classmethod
    def start(cls, old: Report, new: Report, options: CompareOptions) -> _Helper | None:
        # fork copies only the calling thread: with other threads alive (a test runner,
        # the GUI) a lock they hold could stay locked in the child forever.
        if not hasattr(os, "fork") or os.environ.get("REPORTDESK_SERIAL"):
            return None  # REPORTDESK_SERIAL: the benchmark's same-run baseline
        if threading.active_count() > 1:
            _log.debug("compare helper not forked: %d threads alive", threading.active_count())
            return None
        r, w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return None
        if pid == 0:  # the helper: never returns
            _run_helper(r, w, old, new, options)
        os.close(w)
        return cls(pid, r)

    def result(self, timeout: float | None = None) -> Prepared | None:
        """The helper's ``Prepared``, or None (logged) when it broke or ran past ``timeout``."""
        timeout = HELPER_TIMEOUT if timeout is None else timeout
        deadline = time.monotonic() + timeout
        chunks = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                _log.warning("compare helper %d gave no result in %.0f s: killed, preparing here", self.pid, timeout)
                return None  # close() kills it
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        try:
            value = pickle.loads(b"".join(chunks))
        except Exception as e:  # noqa: BLE001 - a helper that died mid-way: prepare here instead
            _log.warning("compare helper %d broke (%s: %s): preparing here", self.pid, type(e).__name__, e)
            return None
        if not isinstance(value, Prepared):
            _log.warning("compare helper %d sent a %s: preparing here", self.pid, type(value).__name__)
            return None
        return value

    def close(self) -> None:
        os.close(self.fd)
        try:
            os.kill(self.pid, signal.SIGKILL)  # done already, or no longer wanted
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _run_helper(r: int, w: int, old: Report, new: Report, options: CompareOptions) -> None:
    try:
        os.close(r)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
        data = pickle.dumps(prepare(old, new, options), pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(w, view) :]
    finally:
        # no atexit handlers, no flushing of the parent's buffered output a second time
        os._exit(0)
