"""Temporary files in flight: their names, a journal of them, and who owns them.

``atomic.write`` puts its temporary file beside the target, which may be any
folder on any disk.  A program killed between creating it and renaming it over
the target (power cut, Task Manager, ``kill -9``) leaves it there, and the next
start cannot scan the whole disk for it.  So:

* Every temporary file has one recognisable name, ``.<stem>.~reportdesk-<pid>-<8 hex>.tmp``
  (``TEMP_RE``): no editor or person makes such a name, so a clean-up that only
  ever removes names matching it cannot delete a file of the user's.
* Before the temporary file is created, a journal entry naming it (and the
  writing process: pid and start time) goes into the journal folder; the entry
  is removed once the file is renamed or discarded.  ``reportdesk.app.cleanup``
  reads the journal at the next start and removes temporary files whose writer
  is gone.
* The journal folder is set by the app (``set_journal_dir``, in the data
  folder) and passed to child processes (the engine process exports) through
  ``REPORTDESK_TEMP_JOURNAL``.  Without one (the command line) nothing is
  journalled.  Journalling is best effort: it never makes a save fail.

No Qt here: export imports no Qt, and the engine process uses this too.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

JOURNAL_ENV = "REPORTDESK_TEMP_JOURNAL"
TEMP_MARK = "~reportdesk"
# ".<stem>.~reportdesk-<pid>-<token>.tmp": the only names clean-up ever removes.
TEMP_RE = re.compile(r"^\.(?P<stem>.*)\." + re.escape(TEMP_MARK) + r"-(?P<pid>\d{1,10})-(?P<token>[0-9a-f]{8})\.tmp$")

_journal: Path | None = None


def temp_name(stem: str, token: str, pid: int | None = None) -> str:
    """The name of a temporary file for a target called ``stem``; ``token`` is 8 hex digits."""
    return f".{stem}.{TEMP_MARK}-{os.getpid() if pid is None else pid}-{token}.tmp"


def temp_pid(name: str) -> int | None:
    """The writer's pid when ``name`` is one of our temporary files, else None."""
    m = TEMP_RE.match(name)
    return int(m.group("pid")) if m else None


# ------------------------------------------------------------ who runs
def start_time(pid: int) -> int | None:
    """An opaque number that differs between two processes that had the same pid; None if unknown.

    Linux: the start time in clock ticks since boot (/proc); Windows: the creation
    FILETIME.  None where neither is available (macOS) or the process is gone.
    """
    if sys.platform == "win32":
        return _win_start_time(pid)
    try:
        raw = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = raw[raw.rfind(")") + 2:].split()  # the name may hold spaces and ')'
    if len(fields) < 20 or fields[0] in ("Z", "X"):  # a zombie has finished
        return None
    try:
        return int(fields[19])
    except ValueError:
        return None


def is_running(pid: int, started: int | None = None) -> bool:
    """Whether process ``pid`` runs and (when ``started`` is known) is the one that started then.

    When in doubt (no permission to look, an unknown error) the answer is True: the
    caller then keeps a file rather than deleting one a live program may still use.
    """
    if pid <= 0:
        return False
    if sys.platform == "win32":
        alive = _win_alive(pid)
    else:
        alive = _posix_alive(pid)
    if not alive:
        return False
    if started is None:
        return True
    now = start_time(pid)
    if now is None:  # gone (or a zombie) since the check above, or unknowable here (macOS)
        return not (sys.platform == "win32" or _has_proc())
    return now == started


def _has_proc() -> bool:
    return Path("/proc/self/stat").exists()


def _posix_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # PermissionError: another user's process, alive
    # A zombie has finished: it only waits for its parent to read its exit code.
    return start_time(pid) is not None if _has_proc() else True


def _win_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() != 87  # ERROR_INVALID_PARAMETER: no such process
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _win_start_time(pid: int) -> int | None:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)
    if not handle:
        return None
    try:
        times = [ctypes.c_ulonglong() for _ in range(4)]  # creation, exit, kernel, user
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        return int(times[0].value)
    finally:
        kernel32.CloseHandle(handle)


# ------------------------------------------------------------ the journal
@dataclass(frozen=True)
class Entry:
    """One journal entry: ``temp`` is being written by process ``pid`` (started at ``started``)."""

    path: Path  # the entry's own file
    temp: Path
    pid: int
    started: int | None


def set_journal_dir(folder: Path | None) -> None:
    """Journal temporary files in ``folder`` (this process and the child processes it starts)."""
    global _journal
    _journal = folder
    if folder is None:
        os.environ.pop(JOURNAL_ENV, None)
        return
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[JOURNAL_ENV] = str(folder)


def journal_dir() -> Path | None:
    if _journal is not None:
        return _journal
    env = os.environ.get(JOURNAL_ENV)
    return Path(env) if env else None


def record(temp: Path) -> Path | None:
    """Note ``temp`` in the journal before it is created; the entry's path, or None (no journal)."""
    folder = journal_dir()
    if folder is None:
        return None
    pid = os.getpid()
    m = TEMP_RE.match(temp.name)
    entry = folder / f"{pid}-{m.group('token') if m else 'x'}.json"
    data = {"pid": pid, "started": start_time(pid), "temp": str(temp.absolute())}
    try:
        fd = os.open(entry, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:  # the journal is a help for the next start, never a reason not to save
        log.debug("temp journal %s not written: %s", entry, exc)
        return None
    return entry


def forget(entry: Path | None) -> None:
    """The temporary file is renamed or gone: drop its journal entry."""
    if entry is None:
        return
    try:
        entry.unlink()
    except OSError:
        pass


def read_entry(path: Path) -> Entry | None:
    """A journal entry, or None when it cannot be read (e.g. cut short by a kill)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        started = data.get("started")
        return Entry(path, Path(str(data["temp"])), int(data["pid"]),
                     int(started) if started is not None else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
