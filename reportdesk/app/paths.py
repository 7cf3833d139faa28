"""Where ReportDesk keeps its own files (autosave, logs)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# Local, not Roaming: drafts and logs belong to this PC.  A roaming profile copies Roaming at
# every sign-in and sign-out (slow on a government domain, and an autosave mid-copy can be
# overwritten by an older one), and folder redirection may put it on a network share.
LOCATION = QStandardPaths.StandardLocation.AppLocalDataLocation
# Where versions before that kept them (Roaming on Windows; the same folder elsewhere).
OLD_LOCATION = QStandardPaths.StandardLocation.AppDataLocation

log = logging.getLogger(__name__)


def data_dir() -> Path:
    """The user's data folder (``%LOCALAPPDATA%/ReportDesk/ReportDesk`` on Windows,
    ``~/.local/share/ReportDesk/ReportDesk`` on Linux).

    ``REPORTDESK_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("REPORTDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        loc = QStandardPaths.writableLocation(LOCATION)
        path = Path(loc) if loc else Path.home() / ".reportdesk"
        _move_from_roaming(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _move_from_roaming(path: Path) -> None:
    """Bring an older version's folder (autosaved drafts waiting for recovery, the temp-file
    journal, logs) from Roaming to ``path`` once, so no draft is left behind by an upgrade."""
    loc = QStandardPaths.writableLocation(OLD_LOCATION)
    old = Path(loc) if loc else None
    if old is None or old == path or not old.is_dir():
        return
    try:
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()  # made empty by an earlier start: the move may take its place
        if path.exists():
            return  # this version has its own folder already: leave the old one alone
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(old, path)
        log.info("moved the data folder from %s to %s", old, path)
    except OSError as exc:  # another volume, or a file held open: the old folder stays
        log.warning("could not move %s to %s: %s", old, path, exc)


def is_network_path(path: str) -> bool:
    """A UNC path (``\\\\server\\share``) or, on Windows, a mapped network drive.

    Looking at such a file may block for many seconds while the server is away (VPN down,
    laptop off the office network): never do it on the GUI thread.  Asking Windows for a
    drive's type does not touch the server.
    """
    p = path.replace("/", "\\")
    if p.startswith("\\\\"):
        return not p.startswith("\\\\?\\") or p[4:8].upper() == "UNC\\"  # \\?\C:\ is local
    if sys.platform == "win32" and len(p) >= 2 and p[1] == ":":
        import ctypes

        drive_remote = 4
        return bool(ctypes.windll.kernel32.GetDriveTypeW(p[:2] + "\\") == drive_remote)
    return False
