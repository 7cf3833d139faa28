"""Where files are suggested: the shipped samples (never written to) and the Documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from reportdesk.resources import resource_root


def is_bundled(path: Path | str) -> bool:
    """True for a file shipped with ReportDesk (the demo samples): read-only, maybe under Program Files."""
    try:
        return Path(path).resolve().is_relative_to(resource_root().resolve())
    except (OSError, FileNotFoundError):
        return False


def documents_dir() -> Path:
    """The user's Documents folder (home when the system names none)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()
