"""Where ReportDesk keeps its own files (autosave, logs)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def data_dir() -> Path:
    """The user's data folder (``%APPDATA%/ReportDesk/ReportDesk`` on Windows).

    ``REPORTDESK_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("REPORTDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        path = Path(loc) if loc else Path.home() / ".reportdesk"
    path.mkdir(parents=True, exist_ok=True)
    return path
