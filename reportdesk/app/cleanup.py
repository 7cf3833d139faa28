"""At start-up: remove what a killed ReportDesk left behind.

A program killed in the middle of a save (power cut, Task Manager, ``kill -9``)
leaves its temporary file beside the target, and an autosave lock whose owner
died stays in the autosave folder.  ``at_start`` turns the temp-file journal
on for this process (and the engine process it starts), then removes:

* journalled temporary files (``export.inflight``), wherever they are, whose
  writing process is gone (pid and start time), and the journal entries
  themselves once their file is gone;
* temporary files in the autosave folder whose writer (the pid in the name)
  is gone, and those of older versions (``.draft-<id>.<hex>.tmp``) whose
  draft's lock no live program holds and which have no draft to recover;
* ``draft-*.lock`` files whose process is dead and which have no autosaved
  draft left (a lock next to a draft stays: the draft is offered for recovery).

Every file removed is owned by this user (POSIX), older than this process's
start, and has a name only ReportDesk makes (``inflight.TEMP_RE``, the
autosave names): a file of the user's, or of a ReportDesk still running, is
never touched.  Nothing here raises: a clean-up that fails is logged and
tried again at the next start.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile

from reportdesk.app.autosave import autosave_dir
from reportdesk.export import inflight

log = logging.getLogger(__name__)

STARTED = time.time()  # imported at start-up (gui imports this module): "this process's start"
JOURNAL_FOLDER = "inflight"
_OLD_DRAFT_TEMP = re.compile(r"^\.(?P<name>draft-[0-9a-f]{12})\.[0-9a-f]{8}\.tmp$")


@dataclass
class Cleaned:
    """What one clean-up removed (and what it left because its owner may still run)."""

    temps: list[Path] = field(default_factory=list)
    locks: list[Path] = field(default_factory=list)
    entries: int = 0
    kept: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.temps or self.locks or self.entries)


def journal_dir(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FOLDER


def at_start(data_dir: Path) -> Cleaned:
    """Journal this process's temporary files in ``data_dir``, then clean up after dead ones."""
    journal(data_dir)
    return _clean_logged(data_dir)


def in_background(data_dir: Path) -> threading.Thread:
    """``at_start`` for the window: the journal now, the clean-up on a thread of its own.

    Journalled temp files may sit on a share that no longer answers; the window must not
    wait for it.  Safe beside recovery: the clean-up leaves every draft with its lock.
    """
    journal(data_dir)
    worker = threading.Thread(target=_clean_logged, args=(data_dir,), name="reportdesk-cleanup", daemon=True)
    worker.start()
    return worker


def journal(data_dir: Path) -> None:
    """Journal this process's temporary files, and its child processes' (the engine process
    takes the folder from the environment when it starts: call this before it does)."""
    try:
        inflight.set_journal_dir(journal_dir(data_dir))
    except OSError as exc:
        log.warning("no temp-file journal in %s: %s", data_dir, exc)


def _clean_logged(data_dir: Path) -> Cleaned:
    try:
        done = clean(data_dir)
    except Exception:  # never a reason not to start
        log.exception("clean-up at start failed")
        return Cleaned()
    if done:
        log.info("removed %d leftover temporary file(s), %d stale lock(s)", len(done.temps), len(done.locks))
    return done


def clean(data_dir: Path, started: float | None = None) -> Cleaned:
    """Remove the leftovers of dead ReportDesk processes (see the module docstring)."""
    before = STARTED if started is None else started
    done = Cleaned()
    _clean_journal(journal_dir(data_dir), before, done)
    folder = autosave_dir(data_dir)
    if folder.is_dir():
        _clean_autosave_temps(folder, before, done)
        _clean_locks(folder, before, done)
    return done


def _ours(path: Path, before: float) -> bool:
    """A regular file (not a link) of this user's, last written before this process started."""
    try:
        st = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_mtime > before:
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _remove(path: Path, into: list[Path]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)
        return
    into.append(path)


def _clean_journal(folder: Path, before: float, done: Cleaned) -> None:
    if not folder.is_dir():
        return
    for path in folder.glob("*.json"):
        entry = inflight.read_entry(path)
        if entry is None:  # cut short by a kill before its temporary file was created
            if _ours(path, before):
                _drop_entry(path, done)
            continue
        if entry.pid == os.getpid() or inflight.is_running(entry.pid, entry.started):
            continue  # still writing (or a new process that reused the pid: it will tell)
        temp = entry.temp
        if inflight.temp_pid(temp.name) != entry.pid:
            _drop_entry(path, done)  # not a name we make: never delete it
            log.warning("journal entry %s names %s, not one of our temporary files", path, temp)
            continue
        if temp.exists() or temp.is_symlink():
            if not _ours(temp, before):
                done.kept.append(temp)
                continue
            _remove(temp, done.temps)
            if temp.exists():
                continue  # could not remove it: try again next time
        _drop_entry(path, done)


def _drop_entry(path: Path, done: Cleaned) -> None:
    try:
        path.unlink()
        done.entries += 1
    except OSError:
        pass


def _clean_autosave_temps(folder: Path, before: float, done: Cleaned) -> None:
    for path in folder.glob(".draft-*.tmp"):
        pid = inflight.temp_pid(path.name)
        if pid is not None:
            dead = pid != os.getpid() and not inflight.is_running(pid)
        else:
            old = _OLD_DRAFT_TEMP.match(path.name)
            # A draft still to recover keeps its lock untouched (find_recoveries may be taking
            # it on the GUI thread right now), and its temp with it, as ``_clean_locks`` does.
            dead = (old is not None and not (folder / f"{old.group('name')}.json").exists()
                    and _lock_is_free(folder / f"{old.group('name')}.lock"))
        if dead and _ours(path, before):
            _remove(path, done.temps)


def _lock_is_free(path: Path) -> bool:
    """Whether no live process holds the autosave lock ``path`` (missing counts as free)."""
    if not path.exists():
        return True
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        return False
    lock.unlock()  # removes the file: it was stale anyway
    return True


def _clean_locks(folder: Path, before: float, done: Cleaned) -> None:
    for path in folder.glob("draft-*.lock"):
        if path.with_suffix(".json").exists() or not _ours(path, before):
            continue  # a draft to recover keeps its lock (find_recoveries takes it)
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
        if lock.tryLock(0):  # Qt checks the owner's pid (and name) in the file
            lock.unlock()  # deletes the file
            done.locks.append(path)
