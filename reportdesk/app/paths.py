"""Where ReportDesk keeps its own files (autosave, logs)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# Local, not Roaming: drafts and logs belong to this PC.  A roaming profile copies Roaming at
# every sign-in and sign-out (slow on a government domain, and an autosave mid-copy can be
# overwritten by an older one), and folder redirection may put it on a network share.
LOCATION = QStandardPaths.StandardLocation.AppLocalDataLocation


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
    path.mkdir(parents=True, exist_ok=True)
    return path
