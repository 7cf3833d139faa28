"""Unexpected exceptions: write a log, keep the draft, tell the user.

``install(...)`` replaces ``sys.excepthook`` (which PySide calls for exceptions
escaping slots) and ``threading.excepthook``.  The hook first asks the window
to autosave the draft, then writes ``crash-<time>.log`` in the data folder and
finally shows the crash dialog; each step is guarded so one failing cannot
stop the next.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

SaveDraft = Callable[[], None]
ShowCrash = Callable[[str, Path | None], None]  # (summary, log path)


def setup_logging(data_dir: Path) -> Path | None:
    """A rotating ``reportdesk.log`` in the data folder (None if it cannot be written)."""
    try:
        folder = data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "reportdesk.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def write_crash_log(data_dir: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    from reportdesk import __version__ as version

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    header = (
        f"ReportDesk {version} crash at {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
        f"Python {sys.version.split()[0]} on {platform.platform()}\n\n"
    )
    try:
        folder = data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
        path.write_text(header + text, encoding="utf-8")
        return path
    except OSError:
        return None


class CrashHandler:
    """The excepthook; ``handling`` prevents a crash inside the dialog from looping."""

    def __init__(self, data_dir: Path, save_draft: SaveDraft, show: ShowCrash) -> None:
        self.data_dir = data_dir
        self.save_draft = save_draft
        self.show = show
        self.handling = False
        self.count = 0
        self.last_log: Path | None = None

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.count += 1
        log.error("unexpected exception", exc_info=(exc_type, exc, tb))
        try:
            self.save_draft()
        except Exception:  # the draft is what matters; log and go on
            log.exception("could not save the draft after a crash")
        self.last_log = write_crash_log(self.data_dir, exc_type, exc, tb)
        if self.handling:
            return
        self.handling = True
        try:
            self.show(f"{exc_type.__name__}: {exc}", self.last_log)
        except Exception:
            log.exception("crash dialog failed")
        finally:
            self.handling = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        # Worker exceptions normally return through TaskRunner; this catches the rest.
        if args.exc_value is not None:
            log.error("exception in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
            self.last_log = write_crash_log(self.data_dir, args.exc_type, args.exc_value, args.exc_traceback)


def install(handler: CrashHandler) -> None:
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
