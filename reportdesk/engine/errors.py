"""Errors a user can read: a Chinese message for the clerk, an English detail for the log."""

from __future__ import annotations


class ReportDeskError(Exception):
    """Base of every error ReportDesk reports to a user.

    ``message`` is plain Chinese a clerk understands (what happened, what to do);
    ``detail`` is English for logs and bug reports.
    """

    def __init__(self, message: str, detail: str = "", path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.path = path

    def __str__(self) -> str:
        return self.message


class LoadError(ReportDeskError):
    """A file could not be read as a report."""


class SaveError(ReportDeskError):
    """A file could not be written (locked, read-only folder, disk full…)."""


class ExportError(ReportDeskError):
    """The review document could not be produced."""
